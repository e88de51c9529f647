#pragma once

#include "common/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace PgVault::Test {

// Options for a throwaway PostgreSQL cluster (modelled on PostgreSQL's own Cluster.pm).
struct PgClusterOptions
{
    // 0 = the major named by PGVAULT_TEST_PG_MAJOR, else 15.
    int major = 0;
    // Extra postgresql.conf settings, e.g. {"wal_level","replica"}, {"archive_mode","on"}.
    QMap<QString, QString> settings;
    // Extra pg_hba.conf lines, added before the defaults.
    QStringList hbaLines;
    // Listen on 127.0.0.1 at a free port as well as on the private unix socket.
    bool tcp = false;
    // Password for the bootstrap superuser; when set, TCP connections use scram-sha-256.
    QString superuserPassword;
};

// A PostgreSQL server in a private temporary directory: initdb'd from a per-run template,
// unix socket in a short private dir, free port. Always torn down (pg_ctl stop -m immediate and
// directory removal) by the destructor, and leftovers of killed test runs are swept on start.
// When the process runs as root, initdb/pg_ctl/postgres run as the user "pgvault-test".
//
// Layout: /tmp/pgvault-harness-<server uid>/ (0700, owned by serverUser()) holds templates/ (one
// data dir per server build, made by `initdb -A trust -N --no-locale -E UTF8 -U postgres -k` the
// first time any test process needs it, under a lock) and one c-XXXXXX/ per cluster: data/ (a copy
// of the template), sock/, scratch/, server.log. The constructor does the copy and the config
// (so dataDir() is valid at once); start() reports any error of that. Local connections over the
// socket are trust; TCP uses scram-sha-256 when superuserPassword is set.
class PgCluster
{
public:
    explicit PgCluster(PgClusterOptions options = {});
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // Majors whose server binaries were found (PGVAULT_PG_BINDIRS, /usr/lib/postgresql/*/bin,
    // the npm cache of tools/install-postgres-majors.sh).
    static QList<int> availableMajors();
    // Bin directory holding initdb/pg_ctl/postgres of a major; empty when not installed.
    static QString binDir(int major);
    // The major tests should use: PGVAULT_TEST_PG_MAJOR, else 15.
    static int defaultMajor();
    // The operating-system user the servers run as: "pgvault-test" when this process is root,
    // else the current user.
    static QString serverUser();
    // When this process is root, gives path (recursively) to serverUser(), e.g. a directory the
    // server's archive_command writes to. A no-op otherwise.
    static Status grantToServerUser(const QString &path);
    // Stops servers and removes directories left behind by test processes that died (crash,
    // ctest timeout). Runs once per process before the first start(); returns how many it removed.
    static int sweepLeftovers();

    Status start();
    Status stop();
    Status restart();
    // pg_ctl reload: applies setSetting() changes that need no restart.
    Status reload();
    // SIGKILL to the postmaster (a crash); returns once it and its children are gone.
    void kill9();
    bool isRunning() const;

    int major() const;
    // Full server version, e.g. "18.4"; empty when the major is not installed.
    QString version() const;
    QString binDir() const;
    QString dataDir() const;
    QString socketDir() const;
    // A private directory removed with the cluster, owned by serverUser() (for archives, dumps).
    QString scratchDir() const;
    int port() const;
    QString superuser() const;
    // The postmaster's pid from postmaster.pid; 0 when there is none.
    qint64 postmasterPid() const;
    // "host=<socketDir> port=<port> dbname=<db> user=<user>"; host=127.0.0.1 when tcp and asked.
    QString conninfo(const QString &dbname = QStringLiteral("postgres"), const QString &user = {},
                     bool overTcp = false) const;

    // Run SQL through libpq as the superuser; rows as text (NULL -> null QString).
    Result<QList<QStringList>> query(const QString &sql,
                                     const QString &dbname = QStringLiteral("postgres")) const;
    Status execute(const QString &sql, const QString &dbname = QStringLiteral("postgres")) const;
    // First column of the first row.
    Result<QString> scalar(const QString &sql,
                           const QString &dbname = QStringLiteral("postgres")) const;

    // Appends "name = 'value'" to postgresql.conf (takes effect on restart/reload).
    Status setSetting(const QString &name, const QString &value);

    QString serverLog() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace PgVault::Test
