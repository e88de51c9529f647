#pragma once

#include "common/Result.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <utility>

namespace PgVault {

// A libpq connection description: any keyword=value string or postgresql:// URI that libpq's
// PQconninfoParse accepts (service=, multiple hosts, every libpq option). Only the options that
// were given are stored; everything else keeps libpq's defaults (environment, service file,
// ~/.pgpass) when connecting.
//
// toString() writes a canonical keyword=value string (libpq's keyword order, quoted only where
// needed) that parses back to the same options. Use redacted() for logs and the UI: it hides
// every secret option (password, sslpassword).
class ConnInfo
{
public:
    // connect_timeout used when the string does not give one.
    static constexpr int DefaultConnectTimeoutSeconds = 10;

    ConnInfo() = default;

    // InvalidInput with libpq's explanation when the text cannot be parsed.
    static Result<ConnInfo> parse(const QString &conninfoOrUri);

    // Every keyword the linked libpq knows, in libpq's order.
    static const QStringList &knownKeywords();
    static bool isKnownKeyword(const QString &keyword);
    // True for options libpq marks as secret (password, sslpassword).
    static bool isSecretKeyword(const QString &keyword);

    bool isEmpty() const { return m_values.isEmpty(); }
    bool contains(const QString &keyword) const { return m_values.contains(keyword); }
    // The value as given; empty when the option is not set.
    QString value(const QString &keyword) const { return m_values.value(keyword); }
    // InvalidInput for a keyword libpq does not know.
    Status setValue(const QString &keyword, const QString &value);
    void remove(const QString &keyword) { m_values.remove(keyword); }
    // The options that are set, in libpq's keyword order.
    QList<std::pair<QString, QString>> options() const;

    QString host() const { return value(QStringLiteral("host")); }
    void setHost(const QString &host) { m_values.insert(QStringLiteral("host"), host); }
    QString port() const { return value(QStringLiteral("port")); }
    void setPort(int port) { m_values.insert(QStringLiteral("port"), QString::number(port)); }
    QString dbname() const { return value(QStringLiteral("dbname")); }
    void setDbname(const QString &dbname) { m_values.insert(QStringLiteral("dbname"), dbname); }
    QString user() const { return value(QStringLiteral("user")); }
    void setUser(const QString &user) { m_values.insert(QStringLiteral("user"), user); }
    QString sslmode() const { return value(QStringLiteral("sslmode")); }
    void setSslmode(const QString &mode) { m_values.insert(QStringLiteral("sslmode"), mode); }
    QString service() const { return value(QStringLiteral("service")); }
    bool hasPassword() const { return contains(QStringLiteral("password")); }

    // connect_timeout in seconds: the given value, DefaultConnectTimeoutSeconds when absent or
    // not a number, 0 for "wait forever" (libpq's meaning of 0 and negative values). libpq
    // treats 1 as 2 seconds; so do we.
    int connectTimeoutSeconds() const;
    void setConnectTimeoutSeconds(int seconds);

    ConnInfo withPassword(const QString &password) const;
    ConnInfo withoutPassword() const;
    ConnInfo withDatabase(const QString &dbname) const;

    // Canonical keyword=value string; holds the password if one is set.
    QString toString() const;
    // Like toString() with secrets replaced by "********"; safe for logs and the UI.
    QString redacted() const;

    // Where this would connect, for messages: "db.example.com:5433", "/var/run/postgresql:5432"
    // for a socket directory, "service “foo”" when only a service is named. Multiple hosts are
    // joined with ", ".
    QString displayAddress() const;

    bool operator==(const ConnInfo &other) const { return m_values == other.m_values; }

private:
    QString serialize(bool hideSecrets) const;

    QMap<QString, QString> m_values;
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::ConnInfo)
