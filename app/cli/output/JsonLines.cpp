#include "JsonLines.h"

#include "Console.h"

#include "common/Error.h"

#include <QJsonDocument>

namespace PgVault::Cli {

void JsonLines::write(Console &console, const QJsonObject &object)
{
    console.print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

QJsonObject JsonLines::errorObject(const Error &error)
{
    return {
            {QStringLiteral("code"), Error::codeName(error.code())},
            {QStringLiteral("message"), error.message()},
            {QStringLiteral("detail"), error.detail()},
    };
}

QJsonObject JsonLines::result(const QString &status, const QJsonObject &data, const Error *error)
{
    QJsonObject object = data;
    object.insert(QStringLiteral("event"), QStringLiteral("result"));
    object.insert(QStringLiteral("status"), status);
    if (error)
        object.insert(QStringLiteral("error"), errorObject(*error));
    return object;
}

} // namespace PgVault::Cli
