package ledger.api.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ledger.api.report.Amounts;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.posting.Posting;

/**
 * Every field of a posting, in words for the trace and event pages: kind, fund, codes with their
 * names, nature, project, procurement, amounts in yuan, voucher, memo, a budget's 指标文号, who
 * recorded it and when.
 */
public record PostingView(
        String eventId,
        String eventLink,
        long globalIndex,
        String eventType,
        String date,
        String transactionId,
        String kind,
        String account,
        int year,
        String unit,
        String fund,
        String functional,
        String economic,
        String nature,
        String project,
        String procurement,
        String sme,
        String amountYuan,
        String voucher,
        String memo,
        String reverses,
        String recordedBy,
        String recordedAt,
        String indicator,
        String accountLink) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    static PostingView of(Posting p, ClassificationCatalog catalog, String projectName) {
        return of(p, catalog, projectName, null);
    }

    /**
     * As above, the event's link keeping a statement template other than the year's ({@code
     * ?template=2024-26}).
     */
    static PostingView of(
            Posting p, ClassificationCatalog catalog, String projectName, String template) {
        return new PostingView(
                p.eventId(),
                p.eventId() == null ? "" : Links.event(p.eventId(), template),
                p.globalIndex(),
                p.eventType(),
                String.valueOf(p.date()),
                p.transactionId().value(),
                p.kind().chineseName() + (p.isReversal() ? "（冲销）" : ""),
                p.account().id(),
                p.account().year().value(),
                p.account().unit().code(),
                p.account().fund().chineseName(),
                p.account().functional().code()
                        + " "
                        + catalog.functionalName(p.account().functional()).orElse(""),
                p.account().economic().code()
                        + " "
                        + catalog.economicName(p.account().economic()).orElse(""),
                p.nature() == null ? "" : p.nature().chineseName(),
                p.project() == null
                        ? ""
                        : p.project().code() + (projectName == null ? "" : " " + projectName),
                p.procurement() == null ? "" : p.procurement().chineseName(),
                p.sme() == null ? "" : p.sme() ? "是" : "否",
                Amounts.yuan(p.amountFen()),
                p.voucher() == null ? "" : p.voucher(),
                p.memo() == null ? "" : p.memo(),
                p.reverses() == null ? "" : p.reverses().value(),
                p.recordedBy() == null ? "" : p.recordedBy(),
                p.recordedAt() == null ? "" : WHEN.format(p.recordedAt()),
                p.indicator(),
                Links.account(p.account().id()));
    }
}
