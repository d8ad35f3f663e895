package ledger.api.config;

/** Another process (a running {@code ledger serve}, say) has the embedded database open. */
public class EmbeddedDatabaseInUse extends IllegalStateException {

    public EmbeddedDatabaseInUse(String database, Throwable cause) {
        super(
                "嵌入式数据库正被另一个进程使用（例如正在运行的 ledger serve）："
                        + database
                        + "。嵌入式数据库一次只能由一个进程打开；请先停止那个进程，或经由它操作：--server http://localhost:8080"
                        + " --user 用户名。 The embedded database is in use by another process (a running `ledger serve`?);"
                        + " it opens in one process at a time: stop that process, or go through it with --server URL --user NAME.",
                cause);
    }
}
