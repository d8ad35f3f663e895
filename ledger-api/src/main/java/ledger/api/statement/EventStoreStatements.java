package ledger.api.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import ledger.api.catalog.YearCatalogs;
import ledger.api.store.EventPipeline;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.account.UnitRegistered;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import ledger.projections.posting.Posting;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import org.springframework.stereotype.Service;

/**
 * The year-end statements straight from the event store, in one pass and one process, without the
 * read models: what a full replay followed by the statements would print, with nothing written. The
 * events of the year's accounts are decoded on every core ({@link EventPipeline}, the replay's own
 * decoding) and summed per unit on the core that decoded them as they stream by, so memory does not
 * grow with the year.
 *
 * <p>For an auditor it is a second opinion independent of the projections; for an operator, the
 * statements of a store whose read models are behind or being rebuilt.
 */
@Service
public class EventStoreStatements {

    private final EventPipeline pipeline;
    private final YearCatalogs catalogs;

    public EventStoreStatements(EventPipeline pipeline, YearCatalogs catalogs) {
        this.pipeline = pipeline;
        this.catalogs = catalogs;
    }

    /**
     * The statements of one unit, or of every unit with postings in the year in unit code order.
     *
     * @param unitOrNull null for every unit
     * @param asOf null for the whole year; else only what is dated up to that day
     * @throws Refusal when the unit has no transactions in the year, or a unit has no name
     */
    public List<StatementSet> statements(
            FiscalYear year, UnitCode unitOrNull, LocalDate asOf, StatementTemplate template) {
        // Each decoder sums the postings it decoded, on its own core, into sums of its own; the
        // units' names come in event order, where the first registration of a unit counts.
        List<Map<String, StatementEngine.Summing>> perDecoder = new CopyOnWriteArrayList<>();
        ThreadLocal<Map<String, StatementEngine.Summing>> decoderSums =
                ThreadLocal.withInitial(
                        () -> {
                            Map<String, StatementEngine.Summing> sums = new HashMap<>();
                            perDecoder.add(sums);
                            return sums;
                        });
        Map<String, String> names = new HashMap<>();
        pipeline.read(
                -1,
                new EventPipeline.Selection(AccountKey.idPrefix(year, unitOrNull)),
                batch -> {
                    Map<String, StatementEngine.Summing> sums = decoderSums.get();
                    for (Posting posting : batch.postings()) {
                        UnitCode unit = posting.account().unit();
                        sums.computeIfAbsent(
                                        unit.code(),
                                        code ->
                                                new StatementEngine.Summing(
                                                        unit, year, asOf, template))
                                .add(posting);
                    }
                    return batch.registrations();
                },
                registrations -> {
                    for (Object registered : registrations) {
                        // The directory keeps a unit's first name, as the processor does.
                        if (registered instanceof UnitRegistered unit) {
                            names.putIfAbsent(unit.unit().code(), unit.name());
                        }
                    }
                });
        Map<String, List<StatementEngine.Summing>> byUnit = new TreeMap<>();
        for (Map<String, StatementEngine.Summing> sums : perDecoder) {
            sums.forEach(
                    (unit, summing) ->
                            byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(summing));
        }
        if (unitOrNull != null && !byUnit.containsKey(unitOrNull.code())) {
            throw new Refusal(Reason.of("unit.noTransactions", unitOrNull));
        }
        ClassificationCatalog catalog = catalogs.forYear(year);
        // Laying out the tables is independent per unit: on every core.
        return byUnit.entrySet().parallelStream()
                .map(
                        unit -> {
                            String name = names.get(unit.getKey());
                            if (name == null) {
                                throw new Refusal(Reason.of("unit.noTransactions", unit.getKey()));
                            }
                            return StatementEngine.Summing.statements(
                                    unit.getValue(), name, catalog);
                        })
                .toList();
    }
}
