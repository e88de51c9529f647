#pragma once

#include "QueryResult.h"
#include "ServerFacts.h"
#include "common/Error.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>

namespace PgVault {

// The queries behind ServerFacts and how each result is read, shared by the asynchronous
// ServerInspector and its blocking ServerInspector::inspect(). They work unchanged on
// PostgreSQL 14–18: settings come from pg_settings by name, so a setting that does not exist
// (archive_library on 14) or is hidden from the role (data_directory) is simply unknown.
class ServerFactsQueries
{
public:
    struct Step
    {
        QString name;  // for logs
        QString title; // translated, for notes: "the system identifier"
        QString sql;
        QVariantList params;
        bool required = false; // failure fails the inspection; otherwise it becomes a note
        std::function<void(const QueryResult &, ServerFacts &)> apply;
    };

    static QList<Step> steps();

    // Records where the connection went (PQhost/PQport/PQdb as reported by the connection).
    static void applyConnection(ServerFacts &facts, const QString &host, int port,
                                const QString &address, const QString &database);
    // An optional step failed: remember why in facts.notes.
    static void noteFailure(ServerFacts &facts, const Step &step, const Error &error);
    // After all steps: whether the data directory is on this machine, and why.
    static void assessLocality(ServerFacts &facts);

    // A size from a pg_settings row in bytes: setting times its unit
    // ("131072" with unit "8kB" -> 1073741824). nullopt when not a number.
    static std::optional<qint64> settingInBytes(const QString &setting, const QString &unit);
    static bool isLocalHost(const QString &host);
};

} // namespace PgVault
