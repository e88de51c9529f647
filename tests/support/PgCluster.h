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
class PgCluster
{
public:
    explicit PgCluster(PgClusterOptions options = {});
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // Majors whose server binaries were found (PGVAULT_PG_BINDIRS, /usr/lib/postgresql/*/bin).
    static QList<int> availableMajors();
    // Bin directory holding initdb/pg_ctl/postgres of a major; empty when not installed.
    static QString binDir(int major);
    // The major tests should use: PGVAULT_TEST_PG_MAJOR, else 15.
    static int defaultMajor();

    Status start();
    Status stop();
    Status restart();
    void kill9();
    bool isRunning() const;

    int major() const;
    QString binDir() const;
    QString dataDir() const;
    QString socketDir() const;
    int port() const;
    QString superuser() const;
    // "host=<socketDir> port=<port> dbname=<db> user=<user>"; host=127.0.0.1 when tcp and asked.
    QString conninfo(const QString &dbname = QStringLiteral("postgres"),
                     const QString &user = {}, bool overTcp = false) const;

    // Run SQL through libpq as the superuser; rows as text (NULL -> null QString).
    Result<QList<QStringList>> query(const QString &sql,
                                     const QString &dbname = QStringLiteral("postgres")) const;
    Status execute(const QString &sql, const QString &dbname = QStringLiteral("postgres")) const;
    // First column of the first row.
    Result<QString> scalar(const QString &sql,
                           const QString &dbname = QStringLiteral("postgres")) const;

    // Appends to postgresql.auto.conf-like include (takes effect on restart/reload).
    Status setSetting(const QString &name, const QString &value);

    QString serverLog() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace PgVault::Test
