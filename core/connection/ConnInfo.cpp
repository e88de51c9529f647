#include "ConnInfo.h"

#include "PgHandles.h"
#include "common/Tr.h"

#include <QSet>

#include <algorithm>

namespace PgVault {

namespace {

struct KeywordTable
{
    QStringList keywords;
    QSet<QString> secrets;
};

const KeywordTable &keywordTable()
{
    static const KeywordTable table = [] {
        KeywordTable t;
        const PgOptionsPtr defaults(PQconndefaults());
        for (const PQconninfoOption *o = defaults.get(); o && o->keyword; ++o) {
            const QString keyword = QString::fromLatin1(o->keyword);
            t.keywords.append(keyword);
            if (o->dispchar && o->dispchar[0] == '*')
                t.secrets.insert(keyword);
        }
        // PQconndefaults() can only fail on out-of-memory; keep the secrets we know regardless.
        t.secrets.insert(QStringLiteral("password"));
        t.secrets.insert(QStringLiteral("sslpassword"));
        return t;
    }();
    return table;
}

bool needsQuotes(const QString &value)
{
    if (value.isEmpty())
        return true;
    return std::any_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\');
    });
}

QString quoteValue(const QString &value)
{
    if (!needsQuotes(value))
        return value;
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : value) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

// libpq's compiled-in default socket directory on Debian.
QString defaultHost()
{
    const QString env = qEnvironmentVariable("PGHOST");
    return env.isEmpty() ? QStringLiteral("/var/run/postgresql") : env;
}

QString defaultPort()
{
    const QString env = qEnvironmentVariable("PGPORT");
    return env.isEmpty() ? QStringLiteral("5432") : env;
}

} // namespace

Result<ConnInfo> ConnInfo::parse(const QString &conninfoOrUri)
{
    const QByteArray utf8 = conninfoOrUri.trimmed().toUtf8();
    char *errmsg = nullptr;
    const PgOptionsPtr parsed(PQconninfoParse(utf8.constData(), &errmsg));
    if (!parsed) {
        const QString why
                = errmsg ? QString::fromUtf8(errmsg).trimmed() : QStringLiteral("out of memory");
        if (errmsg)
            PQfreemem(errmsg);
        return Error(
                ErrorCode::InvalidInput,
                Tr::tr("This is not a valid connection string or postgresql:// URI: %1").arg(why),
                why);
    }

    ConnInfo info;
    for (const PQconninfoOption *o = parsed.get(); o->keyword; ++o) {
        if (o->val)
            info.m_values.insert(QString::fromLatin1(o->keyword), QString::fromUtf8(o->val));
    }
    return info;
}

const QStringList &ConnInfo::knownKeywords()
{
    return keywordTable().keywords;
}

bool ConnInfo::isKnownKeyword(const QString &keyword)
{
    return keywordTable().keywords.contains(keyword);
}

bool ConnInfo::isSecretKeyword(const QString &keyword)
{
    return keywordTable().secrets.contains(keyword);
}

Status ConnInfo::setValue(const QString &keyword, const QString &value)
{
    if (!isKnownKeyword(keyword)) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("“%1” is not a PostgreSQL connection option.").arg(keyword),
                     QStringLiteral("invalid connection option \"%1\"").arg(keyword));
    }
    m_values.insert(keyword, value);
    return {};
}

QList<std::pair<QString, QString>> ConnInfo::options() const
{
    QList<std::pair<QString, QString>> out;
    for (const QString &keyword : knownKeywords()) {
        const auto it = m_values.constFind(keyword);
        if (it != m_values.cend())
            out.append({keyword, it.value()});
    }
    return out;
}

int ConnInfo::connectTimeoutSeconds() const
{
    const auto it = m_values.constFind(QStringLiteral("connect_timeout"));
    if (it == m_values.cend())
        return DefaultConnectTimeoutSeconds;
    bool ok = false;
    const int seconds = it.value().trimmed().toInt(&ok);
    if (!ok)
        return DefaultConnectTimeoutSeconds;
    if (seconds <= 0)
        return 0;
    return std::max(seconds, 2);
}

void ConnInfo::setConnectTimeoutSeconds(int seconds)
{
    m_values.insert(QStringLiteral("connect_timeout"), QString::number(seconds));
}

ConnInfo ConnInfo::withPassword(const QString &password) const
{
    ConnInfo copy = *this;
    copy.m_values.insert(QStringLiteral("password"), password);
    return copy;
}

ConnInfo ConnInfo::withoutPassword() const
{
    ConnInfo copy = *this;
    copy.m_values.remove(QStringLiteral("password"));
    return copy;
}

ConnInfo ConnInfo::withDatabase(const QString &dbname) const
{
    ConnInfo copy = *this;
    copy.setDbname(dbname);
    return copy;
}

QString ConnInfo::toString() const
{
    return serialize(false);
}

QString ConnInfo::redacted() const
{
    return serialize(true);
}

QString ConnInfo::serialize(bool hideSecrets) const
{
    QStringList parts;
    for (const auto &[keyword, value] : options()) {
        const QString shown = hideSecrets && isSecretKeyword(keyword) ? QStringLiteral("********")
                                                                      : quoteValue(value);
        parts.append(keyword + QLatin1Char('=') + shown);
    }
    return parts.join(QLatin1Char(' '));
}

QString ConnInfo::displayAddress() const
{
    QString hostList = host();
    if (hostList.isEmpty())
        hostList = value(QStringLiteral("hostaddr"));
    if (hostList.isEmpty() && !service().isEmpty() && port().isEmpty())
        return Tr::tr("service “%1”").arg(service());
    if (hostList.isEmpty())
        hostList = defaultHost();

    const QStringList hosts = hostList.split(QLatin1Char(','));
    const QStringList ports
            = port().isEmpty() ? QStringList{defaultPort()} : port().split(QLatin1Char(','));
    QStringList shown;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        QString h = hosts.at(i).trimmed();
        if (h.isEmpty())
            h = defaultHost();
        QString p = ports.size() == hosts.size() ? ports.at(i) : ports.constFirst();
        if (p.trimmed().isEmpty())
            p = defaultPort();
        // An IPv6 literal gets brackets so that the port stays readable.
        if (h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('/')))
            h = QLatin1Char('[') + h + QLatin1Char(']');
        shown.append(h + QLatin1Char(':') + p.trimmed());
    }
    return shown.join(QStringLiteral(", "));
}

} // namespace PgVault
