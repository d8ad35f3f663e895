package ledger.api.statement;

/**
 * A read found the read models behind the event store in an application that runs no event
 * processor (the light start of a local read command): it cannot catch them up, so it answers
 * nothing rather than stale figures. The command line then starts the whole application, whose
 * processor catches up first.
 */
public class ReadModelsBehind extends IllegalStateException {

    public ReadModelsBehind(long head, long position) {
        super(
                "读取模型落后于事件库（已投影到 "
                        + position
                        + "，事件库到 "
                        + head
                        + "） / the read models are behind the event store (projected to "
                        + position
                        + ", store at "
                        + head
                        + ")");
    }
}
