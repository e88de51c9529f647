#include "ConnInfoPassword.h"

#include "common/Tr.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>

#include <libpq-fe.h>

namespace PgVault {

namespace {

using Options = QMap<QString, QString>;

const QLatin1String kPassword("password");
const QLatin1String kSslPassword("sslpassword");
const QLatin1String kDbname("dbname");

// libpq's uri_prefix_length(): the prefix must start the string, case-sensitively.
qsizetype uriPrefixLength(const QString &conninfo)
{
    for (const QLatin1String prefix :
         {QLatin1String("postgresql://"), QLatin1String("postgres://")}) {
        if (conninfo.startsWith(prefix))
            return prefix.size();
    }
    return 0;
}

// libpq uses isspace() in the C locale: ASCII whitespace only.
bool isConnInfoSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
           || c == QLatin1Char('\r') || c == QLatin1Char('\f') || c == QLatin1Char('\v');
}

// The options libpq reads from the string (only those given explicitly; no defaults).
Result<Options> parseWithLibpq(const QString &conninfo)
{
    char *errorMessage = nullptr;
    const QByteArray utf8 = conninfo.toUtf8();
    PQconninfoOption *options = PQconninfoParse(utf8.constData(), &errorMessage);
    if (!options) {
        const QString detail = errorMessage ? QString::fromUtf8(errorMessage).trimmed()
                                            : QStringLiteral("out of memory");
        if (errorMessage)
            PQfreemem(errorMessage);
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("The connection string is not valid: %1").arg(detail), detail);
    }
    Options result;
    for (const PQconninfoOption *option = options; option->keyword; ++option) {
        if (option->val)
            result.insert(QString::fromUtf8(option->keyword), QString::fromUtf8(option->val));
    }
    PQconninfoFree(options);
    return result;
}

// With expand_dbname (PQconnectdbParams), libpq reads a dbname that looks like a connection
// string as one; a password hidden there must not slip through either.
bool looksLikeConnInfo(const QString &value)
{
    return uriPrefixLength(value) > 0 || value.contains(QLatin1Char('='));
}

// Cuts every password=… pair out of a key=value string, scanning exactly like libpq's
// conninfo_parse(): keyword up to '=' or whitespace, optional spaces around '=', then a value
// that is either single-quoted or runs to the next whitespace, with backslash escapes in both.
QString stripFromKeywordValue(const QString &conninfo)
{
    struct Token
    {
        qsizetype begin;
        qsizetype end;
        bool isPassword;
    };
    QList<Token> tokens;
    const qsizetype n = conninfo.size();
    qsizetype pos = 0;
    while (pos < n) {
        if (isConnInfoSpace(conninfo.at(pos))) {
            ++pos;
            continue;
        }
        const qsizetype begin = pos;
        while (pos < n && conninfo.at(pos) != QLatin1Char('=')
               && !isConnInfoSpace(conninfo.at(pos)))
            ++pos;
        const QString keyword = conninfo.mid(begin, pos - begin);
        while (pos < n && isConnInfoSpace(conninfo.at(pos)))
            ++pos;
        if (pos < n && conninfo.at(pos) == QLatin1Char('='))
            ++pos; // libpq has already accepted the string, so '=' is there
        while (pos < n && isConnInfoSpace(conninfo.at(pos)))
            ++pos;
        if (pos < n && conninfo.at(pos) == QLatin1Char('\'')) {
            ++pos;
            while (pos < n && conninfo.at(pos) != QLatin1Char('\''))
                pos += conninfo.at(pos) == QLatin1Char('\\') ? 2 : 1;
            pos = qMin(pos + 1, n); // past the closing quote
        } else {
            while (pos < n && !isConnInfoSpace(conninfo.at(pos)))
                pos += conninfo.at(pos) == QLatin1Char('\\') ? 2 : 1;
            pos = qMin(pos, n);
        }
        tokens.append({begin, pos, keyword == kPassword});
    }

    // Keep the other pairs with the whitespace the user put between them.
    QString result;
    qsizetype previousEnd = -1;
    for (const Token &token : tokens) {
        if (!token.isPassword) {
            if (previousEnd >= 0 && !result.isEmpty())
                result += conninfo.mid(previousEnd, token.begin - previousEnd);
            result += conninfo.mid(token.begin, token.end - token.begin);
        }
        previousEnd = token.end;
    }
    return result;
}

// Cuts the password out of a URI, scanning like libpq's conninfo_uri_parse_options(): the
// userinfo ends at the first '@' met before any '/', the password is what follows its first
// ':'; query parameters are split at '&' and their keys are percent-decoded.
QString stripFromUri(const QString &uri, qsizetype prefixLength)
{
    QString result = uri.left(prefixLength);
    qsizetype pos = prefixLength;
    while (pos < uri.size() && uri.at(pos) != QLatin1Char('@') && uri.at(pos) != QLatin1Char('/'))
        ++pos;
    qsizetype restBegin = prefixLength;
    if (pos < uri.size() && uri.at(pos) == QLatin1Char('@')) {
        const QString userInfo = uri.mid(prefixLength, pos - prefixLength);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        if (colon < 0)
            result += userInfo + QLatin1Char('@');
        else if (colon > 0)
            result += userInfo.left(colon) + QLatin1Char('@');
        // colon == 0: no user, only a password; drop the whole "…@"
        restBegin = pos + 1;
    }

    const QString rest = uri.mid(restBegin);
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    if (question < 0)
        return result + rest;
    result += rest.left(question);

    QStringList kept;
    const QStringList parameters = rest.mid(question + 1).split(QLatin1Char('&'));
    for (const QString &parameter : parameters) {
        const QString rawKey = parameter.section(QLatin1Char('='), 0, 0);
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(rawKey.toUtf8()));
        if (key != kPassword)
            kept.append(parameter);
    }
    if (!kept.isEmpty())
        result += QLatin1Char('?') + kept.join(QLatin1Char('&'));
    return result;
}

Error secretCannotMove(const QString &what)
{
    return Error(ErrorCode::InvalidInput,
                 Tr::tr("The connection string contains %1. PgVault never stores secrets in its "
                        "settings: remove it from the connection string.")
                         .arg(what));
}

} // namespace

Result<ConnInfoPassword::Split> ConnInfoPassword::split(const QString &conninfo)
{
    const Result<Options> parsed = parseWithLibpq(conninfo);
    if (!parsed)
        return parsed.error();
    const Options &options = parsed.value();

    if (options.contains(kSslPassword))
        return secretCannotMove(Tr::tr("the passphrase of an SSL key (sslpassword)"));
    const QString dbname = options.value(kDbname);
    if (looksLikeConnInfo(dbname) && containsSecret(dbname))
        return secretCannotMove(Tr::tr("a password inside the database name (dbname)"));

    if (!options.contains(kPassword))
        return Split{conninfo, std::nullopt};

    const qsizetype prefixLength = uriPrefixLength(conninfo);
    const QString stripped = prefixLength > 0 ? stripFromUri(conninfo, prefixLength)
                                              : stripFromKeywordValue(conninfo);

    // Prove the cut: libpq must read the same options, minus the password.
    Options expected = options;
    expected.remove(kPassword);
    const Result<Options> reparsed = parseWithLibpq(stripped);
    if (!reparsed || reparsed.value() != expected) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("PgVault could not take the password out of this connection string. "
                            "Remove the password from it and enter the password separately."),
                     reparsed ? QStringLiteral("options differ after removing the password")
                              : reparsed.error().detail());
    }

    const QString password = options.value(kPassword);
    return Split{stripped, password.isEmpty() ? std::nullopt : std::optional<QString>(password)};
}

bool ConnInfoPassword::containsSecret(const QString &conninfo)
{
    const Result<Options> parsed = parseWithLibpq(conninfo);
    if (!parsed)
        return false;
    if (parsed->contains(kPassword) || parsed->contains(kSslPassword))
        return true;
    const QString dbname = parsed->value(kDbname);
    // Recursion ends: libpq's dbname value is strictly shorter than the string it came from.
    return looksLikeConnInfo(dbname) && dbname != conninfo && containsSecret(dbname);
}

} // namespace PgVault
