#pragma once

#include <QJsonObject>
#include <QString>

namespace PgVault {
class Error;
}

namespace PgVault::Cli {

class Console;

// The `--json` wire format: one compact JSON object per line on stdout. Every object has an
// "event": "progress", "message" or "result"; a run prints exactly one "result", last:
//   {"event":"result","status":"succeeded"|"failed"|"cancelled", …data…,
//    "error":{"code":"connection-failed","message":"…","detail":"…"}}   ("error" unless succeeded)
// Codes are Error::codeName(); "message" is translated, "detail" is not (STYLE.md §5).
class JsonLines
{
public:
    static void write(Console &console, const QJsonObject &object);

    static QJsonObject errorObject(const Error &error);
    // The result object: `data`'s fields plus "event" and "status" (and "error" when given).
    static QJsonObject result(const QString &status, const QJsonObject &data,
                              const Error *error = nullptr);

    static QString succeeded() { return QStringLiteral("succeeded"); }
    static QString failed() { return QStringLiteral("failed"); }
    static QString cancelled() { return QStringLiteral("cancelled"); }
};

} // namespace PgVault::Cli
