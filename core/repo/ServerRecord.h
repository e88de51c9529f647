#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>

namespace PgVault {

// servers/<system-identifier>/server.json: what the repository knows about one PostgreSQL
// server. The system identifier is kept as a decimal string because it does not fit a JSON
// number (double) exactly; it is the value pg_controldata prints.
class ServerRecord
{
public:
    static constexpr const char *FileName = "server.json";

    quint64 systemId = 0;
    QString displayName;
    int majorVersion = 0; // 0 = not known yet
    QDateTime firstSeen;
    QDateTime lastSeen;

    QJsonObject toJson() const;
    static Result<ServerRecord> fromJson(const QJsonObject &json, const QString &source);

    static Result<ServerRecord> load(const QString &path);
    Status save(const QString &path) const; // atomic replace

    // Creates server.json or refreshes lastSeen. It is rewritten only when something changed or
    // lastSeen is older than `slack`, so a push per WAL segment costs one small read.
    // Concurrent callers are harmless: each write is atomic and they write the same facts.
    static Status recordSeen(const QString &serverDir, quint64 systemId, int majorVersion,
                             std::chrono::seconds slack = std::chrono::minutes(10));
};

} // namespace PgVault
