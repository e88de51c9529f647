#include "GlobalsRestore.h"

#include <optional>

namespace PgVault {

namespace {

struct Token
{
    enum class Kind { Word, Identifier, String, Punct };
    Kind kind = Kind::Word;
    QString text; // a word as written, an identifier without quotes, a literal as written
    qsizetype begin = 0;
    qsizetype end = 0; // one past the last character
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$')
           || c.unicode() >= 0x80;
}

// Index one past a quoted run starting at `from` (which holds the quote character); doubled
// quotes stay inside, and with `backslash` (E'…') so does any backslash-escaped character.
qsizetype skipQuoted(const QString &s, qsizetype from, bool backslash = false)
{
    const QChar quote = s.at(from);
    qsizetype i = from + 1;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (backslash && c == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (i + 1 < s.size() && s.at(i + 1) == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return s.size();
}

bool isEscapeStringStart(const QString &s, qsizetype i)
{
    return (s.at(i) == QLatin1Char('E') || s.at(i) == QLatin1Char('e')) && i + 1 < s.size()
           && s.at(i + 1) == QLatin1Char('\'') && (i == 0 || !isWordChar(s.at(i - 1)));
}

QList<Token> tokenize(const QString &s)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.begin = i;
        if (c == QLatin1Char('"')) {
            i = skipQuoted(s, i);
            token.kind = Token::Kind::Identifier;
            token.text = GlobalsRestore::unquoteIdentifier(s.mid(token.begin, i - token.begin));
        } else if (c == QLatin1Char('\'') || isEscapeStringStart(s, i)) {
            const bool escape = c != QLatin1Char('\'');
            i = skipQuoted(s, escape ? i + 1 : i, escape);
            token.kind = Token::Kind::String;
            token.text = s.mid(token.begin, i - token.begin);
        } else if (isWordChar(c)) {
            while (i < s.size() && isWordChar(s.at(i)))
                ++i;
            token.kind = Token::Kind::Word;
            token.text = s.mid(token.begin, i - token.begin);
        } else {
            ++i;
            token.kind = Token::Kind::Punct;
            token.text = c;
        }
        token.end = i;
        tokens.append(token);
    }
    return tokens;
}

bool isKeyword(const Token &token, const char *keyword)
{
    return token.kind == Token::Kind::Word
           && token.text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

bool isKeyword(const QList<Token> &tokens, qsizetype index, const char *keyword)
{
    return index >= 0 && index < tokens.size() && isKeyword(tokens.at(index), keyword);
}

bool isName(const Token &token)
{
    return token.kind == Token::Kind::Word || token.kind == Token::Kind::Identifier;
}

std::optional<QString> nameAt(const QList<Token> &tokens, qsizetype index)
{
    if (index < 0 || index >= tokens.size() || !isName(tokens.at(index)))
        return std::nullopt;
    return tokens.at(index).text;
}

qsizetype indexOfKeyword(const QList<Token> &tokens, const char *keyword, qsizetype from = 0)
{
    for (qsizetype i = from; i < tokens.size(); ++i) {
        if (isKeyword(tokens.at(i), keyword))
            return i;
    }
    return -1;
}

// Names of a comma-separated list starting at `from`, up to the first token that is neither a
// name nor a comma (or a keyword from `stops`).
QStringList nameList(const QList<Token> &tokens, qsizetype from,
                     std::initializer_list<const char *> stops, qsizetype *next = nullptr)
{
    QStringList names;
    qsizetype i = from;
    while (i < tokens.size()) {
        const Token &token = tokens.at(i);
        bool stop = false;
        for (const char *keyword : stops)
            stop = stop || isKeyword(token, keyword);
        if (stop)
            break;
        if (isName(token))
            names.append(token.text);
        else if (token.text != QLatin1String(","))
            break;
        ++i;
    }
    if (next)
        *next = i;
    return names;
}

bool isRoleWord(const QList<Token> &tokens, qsizetype index)
{
    return isKeyword(tokens, index, "ROLE") || isKeyword(tokens, index, "USER")
           || isKeyword(tokens, index, "GROUP");
}

// What a statement is about.
struct Subject
{
    enum class Kind {
        Other,
        Role,
        Tablespace,
        CreateRole,
        CreateTablespace,
        Membership,
        Privilege
    };
    Kind kind = Kind::Other;
    QString name; // role or tablespace
};

Subject subjectOf(const QList<Token> &tokens)
{
    if (tokens.isEmpty())
        return {};
    if (isKeyword(tokens, 0, "CREATE") || isKeyword(tokens, 0, "ALTER")) {
        const bool create = isKeyword(tokens, 0, "CREATE");
        if (isRoleWord(tokens, 1)) {
            if (std::optional<QString> name = nameAt(tokens, 2))
                return {create ? Subject::Kind::CreateRole : Subject::Kind::Role, *name};
        }
        if (isKeyword(tokens, 1, "TABLESPACE")) {
            if (std::optional<QString> name = nameAt(tokens, 2))
                return {create ? Subject::Kind::CreateTablespace : Subject::Kind::Tablespace,
                        *name};
        }
        return {};
    }
    if (isKeyword(tokens, 0, "COMMENT") || isKeyword(tokens, 0, "SECURITY")) {
        const qsizetype on = indexOfKeyword(tokens, "ON");
        if (on < 0)
            return {};
        if (isRoleWord(tokens, on + 1)) {
            if (std::optional<QString> name = nameAt(tokens, on + 2))
                return {Subject::Kind::Role, *name};
        }
        if (isKeyword(tokens, on + 1, "TABLESPACE")) {
            if (std::optional<QString> name = nameAt(tokens, on + 2))
                return {Subject::Kind::Tablespace, *name};
        }
        return {};
    }
    if (isKeyword(tokens, 0, "GRANT") || isKeyword(tokens, 0, "REVOKE")) {
        const qsizetype to = indexOfKeyword(tokens, isKeyword(tokens, 0, "GRANT") ? "TO" : "FROM");
        const qsizetype on = indexOfKeyword(tokens, "ON");
        if (on >= 0 && (to < 0 || on < to)) {
            if (isKeyword(tokens, on + 1, "TABLESPACE")) {
                if (std::optional<QString> name = nameAt(tokens, on + 2))
                    return {Subject::Kind::Privilege, *name};
            }
            return {Subject::Kind::Privilege, {}};
        }
        if (isKeyword(tokens, 0, "GRANT"))
            return {Subject::Kind::Membership, {}};
    }
    return {};
}

void appendOnce(QStringList &list, const QString &name)
{
    if (!list.contains(name))
        list.append(name);
}

} // namespace

QString GlobalsRestore::unquoteIdentifier(const QString &token)
{
    if (token.size() < 2 || !token.startsWith(QLatin1Char('"')))
        return token;
    QString inner = token.mid(1, token.endsWith(QLatin1Char('"')) ? token.size() - 2 : -1);
    return inner.replace(QLatin1String("\"\""), QLatin1String("\""));
}

QStringList GlobalsRestore::splitStatements(const QString &sql)
{
    return splitStatements(sql, nullptr);
}

QStringList GlobalsRestore::splitStatements(const QString &sql, QStringList *metaCommands)
{
    QStringList statements;
    qsizetype i = 0;
    const qsizetype n = sql.size();
    const auto lineEnd = [&](qsizetype from) {
        const qsizetype newline = sql.indexOf(QLatin1Char('\n'), from);
        return newline < 0 ? n : newline;
    };
    while (i < n) {
        if (sql.at(i).isSpace()) {
            ++i;
            continue;
        }
        if (sql.mid(i, 2) == QLatin1String("--")) {
            i = lineEnd(i);
            continue;
        }
        if (sql.at(i) == QLatin1Char('\\')) {
            const qsizetype end = lineEnd(i);
            if (metaCommands)
                metaCommands->append(sql.mid(i, end - i).trimmed());
            i = end;
            continue;
        }
        const qsizetype start = i;
        qsizetype end = n;
        while (i < n) {
            const QChar c = sql.at(i);
            if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                i = skipQuoted(sql, i);
            } else if (isEscapeStringStart(sql, i)) {
                i = skipQuoted(sql, i + 1, true);
            } else if (c == QLatin1Char('-') && sql.mid(i, 2) == QLatin1String("--")) {
                i = lineEnd(i);
            } else if (c == QLatin1Char(';')) {
                end = ++i;
                break;
            } else {
                ++i;
            }
        }
        const QString statement = sql.mid(start, end - start).trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
    }
    return statements;
}

GlobalsPlan GlobalsRestore::plan(const QString &sql, const GlobalsTarget &target)
{
    GlobalsPlan plan;
    QStringList metaCommands;
    const QStringList statements = splitStatements(sql, &metaCommands);
    for (const QString &meta : std::as_const(metaCommands))
        plan.skipped.append({SkippedGlobal::Reason::MetaCommand, {}, meta});

    const auto preexisting = [&target](const QString &role) {
        return target.roles.contains(role) || role == target.currentUser;
    };
    // Roles this restore creates.
    QSet<QString> created;
    for (const QString &statement : statements) {
        const QList<Token> tokens = tokenize(statement);
        const Subject subject = subjectOf(tokens);
        if (subject.kind == Subject::Kind::CreateRole && !preexisting(subject.name))
            created.insert(subject.name);
    }
    const auto existsAfterwards = [&](const QString &role) {
        return preexisting(role) || created.contains(role)
               || role.compare(QLatin1String("public"), Qt::CaseInsensitive) == 0;
    };

    for (const QString &statement : statements) {
        const QList<Token> tokens = tokenize(statement);
        if (isKeyword(tokens, 0, "SET")
            || statement.startsWith(QLatin1String("SELECT pg_catalog.set_config("),
                                    Qt::CaseInsensitive)) {
            plan.setup.append(statement);
            continue;
        }
        const Subject subject = subjectOf(tokens);
        const auto skip = [&](SkippedGlobal::Reason reason, const QString &name) {
            plan.skipped.append({reason, name, statement});
        };
        switch (subject.kind) {
        case Subject::Kind::Other: break;
        case Subject::Kind::CreateRole:
        case Subject::Kind::Role:
            if (subject.name == target.currentUser) {
                skip(SkippedGlobal::Reason::CurrentUser, subject.name);
                appendOnce(plan.skippedRoles, subject.name);
                continue;
            }
            if (target.roles.contains(subject.name)) {
                skip(SkippedGlobal::Reason::RoleExists, subject.name);
                appendOnce(plan.skippedRoles, subject.name);
                continue;
            }
            if (subject.kind == Subject::Kind::CreateRole)
                appendOnce(plan.createdRoles, subject.name);
            break;
        case Subject::Kind::CreateTablespace:
        case Subject::Kind::Tablespace:
            if (target.tablespaces.contains(subject.name)) {
                skip(SkippedGlobal::Reason::TablespaceExists, subject.name);
                appendOnce(plan.skippedTablespaces, subject.name);
                continue;
            }
            if (subject.kind == Subject::Kind::CreateTablespace)
                appendOnce(plan.createdTablespaces, subject.name);
            break;
        case Subject::Kind::Privilege: {
            if (!subject.name.isEmpty() && target.tablespaces.contains(subject.name)) {
                skip(SkippedGlobal::Reason::TablespaceExists, subject.name);
                appendOnce(plan.skippedTablespaces, subject.name);
                continue;
            }
            const bool grant = isKeyword(tokens, 0, "GRANT");
            const qsizetype to = indexOfKeyword(tokens, grant ? "TO" : "FROM");
            bool missing = false;
            const QStringList grantees
                    = nameList(tokens, to + 1, {"WITH", "GRANTED", "CASCADE", "RESTRICT"});
            for (const QString &grantee : grantees) {
                if (!existsAfterwards(grantee)) {
                    skip(SkippedGlobal::Reason::MissingRole, grantee);
                    missing = true;
                    break;
                }
            }
            if (missing)
                continue;
            break;
        }
        case Subject::Kind::Membership: {
            const qsizetype to = indexOfKeyword(tokens, "TO");
            const QStringList granted = nameList(tokens, 1, {"TO"});
            qsizetype after = 0;
            const QStringList members = nameList(tokens, to + 1, {"WITH", "GRANTED"}, &after);
            std::optional<QString> problem;
            SkippedGlobal::Reason reason = SkippedGlobal::Reason::MissingRole;
            for (const QString &role : granted + members) {
                if (!existsAfterwards(role)) {
                    problem = role;
                    break;
                }
            }
            for (const QString &member : members) {
                if (!problem && preexisting(member)) {
                    problem = member;
                    reason = SkippedGlobal::Reason::ChangesExistingRole;
                }
            }
            if (to < 0 || granted.isEmpty() || members.isEmpty() || problem) {
                skip(reason, problem.value_or(QString()));
                continue;
            }
            // GRANTED BY a role that will not exist: let the grantor be the current user.
            const qsizetype by = indexOfKeyword(tokens, "GRANTED", after);
            if (by >= 0 && isKeyword(tokens, by + 1, "BY")) {
                const std::optional<QString> grantor = nameAt(tokens, by + 2);
                if (grantor && !existsAfterwards(*grantor)) {
                    QString changed = statement;
                    changed.remove(tokens.at(by).begin,
                                   tokens.at(by + 2).end - tokens.at(by).begin);
                    plan.statements.append(
                            changed.simplified().replace(QLatin1String(" ;"), QLatin1String(";")));
                    continue;
                }
            }
            break;
        }
        }
        plan.statements.append(statement);
    }
    return plan;
}

} // namespace PgVault
