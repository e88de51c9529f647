#include "TocParser.h"

#include "common/Tr.h"

#include <QRegularExpression>

#include <algorithm>

namespace PgVault {

namespace {

QStringList byLengthDescending(QStringList list)
{
    list.removeAll(QString());
    list.removeDuplicates();
    std::stable_sort(list.begin(), list.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return list;
}

struct RawLine
{
    int lineNumber = 0;
    int dumpId = 0;
    quint32 tableOid = 0;
    quint32 oid = 0;
    QString rest; // "<type> <schema> <name> <owner>"
    QString text;
    QList<int> dependencies;
};

QString headerValue(const QString &line, QLatin1String key)
{
    // ";     dbname: shop"
    const QString body = line.mid(1).trimmed();
    if (!body.startsWith(key))
        return {};
    return body.mid(key.size()).trimmed();
}

} // namespace

const QStringList &TocParser::knownTypes()
{
    // From pg_dump's ArchiveEntry() calls (PostgreSQL 9.6 to 18).
    static const QStringList types = byLengthDescending({
            QStringLiteral("ACCESS METHOD"),
            QStringLiteral("ACL"),
            QStringLiteral("AGGREGATE"),
            QStringLiteral("BLOB"),
            QStringLiteral("BLOB METADATA"),
            QStringLiteral("BLOBS"),
            QStringLiteral("CAST"),
            QStringLiteral("CHECK CONSTRAINT"),
            QStringLiteral("COLLATION"),
            QStringLiteral("COMMENT"),
            QStringLiteral("CONSTRAINT"),
            QStringLiteral("CONVERSION"),
            QStringLiteral("DATABASE"),
            QStringLiteral("DATABASE PROPERTIES"),
            QStringLiteral("DEFAULT"),
            QStringLiteral("DEFAULT ACL"),
            QStringLiteral("DOMAIN"),
            QStringLiteral("ENCODING"),
            QStringLiteral("EVENT TRIGGER"),
            QStringLiteral("EXTENSION"),
            QStringLiteral("FK CONSTRAINT"),
            QStringLiteral("FOREIGN DATA WRAPPER"),
            QStringLiteral("FOREIGN TABLE"),
            QStringLiteral("FUNCTION"),
            QStringLiteral("INDEX"),
            QStringLiteral("INDEX ATTACH"),
            QStringLiteral("LARGE OBJECT"),
            QStringLiteral("LARGE OBJECTS"),
            QStringLiteral("MATERIALIZED VIEW"),
            QStringLiteral("MATERIALIZED VIEW DATA"),
            QStringLiteral("OPERATOR"),
            QStringLiteral("OPERATOR CLASS"),
            QStringLiteral("OPERATOR FAMILY"),
            QStringLiteral("POLICY"),
            QStringLiteral("PROCEDURAL LANGUAGE"),
            QStringLiteral("PROCEDURE"),
            QStringLiteral("PUBLICATION"),
            QStringLiteral("PUBLICATION TABLE"),
            QStringLiteral("PUBLICATION TABLES IN SCHEMA"),
            QStringLiteral("ROW SECURITY"),
            QStringLiteral("RULE"),
            QStringLiteral("SCHEMA"),
            QStringLiteral("SEARCHPATH"),
            QStringLiteral("SECURITY LABEL"),
            QStringLiteral("SEQUENCE"),
            QStringLiteral("SEQUENCE OWNED BY"),
            QStringLiteral("SEQUENCE SET"),
            QStringLiteral("SERVER"),
            QStringLiteral("SHELL TYPE"),
            QStringLiteral("STATISTICS"),
            QStringLiteral("STATISTICS DATA"),
            QStringLiteral("STDSTRINGS"),
            QStringLiteral("SUBSCRIPTION"),
            QStringLiteral("SUBSCRIPTION TABLE"),
            QStringLiteral("TABLE"),
            QStringLiteral("TABLE ATTACH"),
            QStringLiteral("TABLE DATA"),
            QStringLiteral("TEXT SEARCH CONFIGURATION"),
            QStringLiteral("TEXT SEARCH DICTIONARY"),
            QStringLiteral("TEXT SEARCH PARSER"),
            QStringLiteral("TEXT SEARCH TEMPLATE"),
            QStringLiteral("TRANSFORM"),
            QStringLiteral("TRIGGER"),
            QStringLiteral("TYPE"),
            QStringLiteral("USER MAPPING"),
            QStringLiteral("VIEW"),
    });
    return types;
}

Result<TocArchive> TocParser::parse(QByteArrayView listOutput, const Hints &hints)
{
    return parseText(QString::fromUtf8(listOutput), hints);
}

Result<TocArchive> TocParser::parseText(const QString &listOutput, const Hints &hints)
{
    static const QRegularExpression entryLine(QStringLiteral("^(\\d+); (\\d+) (\\d+) (.*)$"));
    static const QRegularExpression dependsLine(QStringLiteral("^;\\s*depends on:(.*)$"));

    TocArchive archive;
    QList<RawLine> raw;
    const QStringList lines = listOutput.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1Char(';'))) {
            if (const QRegularExpressionMatch m = dependsLine.match(line); m.hasMatch()) {
                if (raw.isEmpty()) {
                    return Error(ErrorCode::Corrupt,
                                 Tr::tr("The archive's table of contents could not be read: "
                                        "a dependency list without an entry (line %1).")
                                         .arg(i + 1),
                                 line);
                }
                const QStringList ids = m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                for (const QString &id : ids) {
                    bool ok = false;
                    const int value = id.toInt(&ok);
                    if (ok && !raw.last().dependencies.contains(value))
                        raw.last().dependencies.append(value);
                }
                continue;
            }
            if (QString v = headerValue(line, QLatin1String("dbname:")); !v.isEmpty())
                archive.databaseName = v;
            else if (QString f = headerValue(line, QLatin1String("Format:")); !f.isEmpty())
                archive.format = f;
            else if (QString n = headerValue(line, QLatin1String("TOC Entries:")); !n.isEmpty())
                archive.declaredEntryCount = n.toInt();
            else if (QString d = headerValue(line, QLatin1String("Dumped from database version:"));
                     !d.isEmpty())
                archive.dumpedFromVersion = d;
            else if (QString b = headerValue(line, QLatin1String("Dumped by pg_dump version:"));
                     !b.isEmpty())
                archive.dumpedByVersion = b;
            continue;
        }
        const QRegularExpressionMatch m = entryLine.match(line);
        if (!m.hasMatch()) {
            return Error(ErrorCode::Corrupt,
                         Tr::tr("The archive's table of contents could not be read (line %1).")
                                 .arg(i + 1),
                         line);
        }
        RawLine entry;
        entry.lineNumber = i + 1;
        entry.dumpId = m.captured(1).toInt();
        entry.tableOid = m.captured(2).toUInt();
        entry.oid = m.captured(3).toUInt();
        entry.rest = m.captured(4);
        entry.text = line;
        raw.append(entry);
    }
    if (raw.isEmpty()) {
        return Error(ErrorCode::Corrupt,
                     Tr::tr("The archive's table of contents lists no entries."));
    }

    const auto splitType = [](const QString &rest, QString &remainder) {
        for (const QString &type : knownTypes()) {
            if (rest.startsWith(type) && rest.size() > type.size()
                && rest.at(type.size()) == QLatin1Char(' ')) {
                remainder = rest.mid(type.size() + 1);
                return type;
            }
        }
        // A type this version does not know: its first word.
        const qsizetype space = rest.indexOf(QLatin1Char(' '));
        remainder = space < 0 ? QString() : rest.mid(space + 1);
        return space < 0 ? rest : rest.left(space);
    };
    const QStringList roles = byLengthDescending(hints.roles);
    const auto splitOwner = [&roles](const QString &text, QString &owner) {
        // pg_restore prints an empty owner as nothing after the last space.
        if (text.endsWith(QLatin1Char(' '))) {
            owner.clear();
            return text.left(text.size() - 1);
        }
        for (const QString &role : roles) {
            if (text.size() > role.size() && text.endsWith(role)
                && text.at(text.size() - role.size() - 1) == QLatin1Char(' ')) {
                owner = role;
                return text.left(text.size() - role.size() - 1);
            }
        }
        const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
        if (space < 0) {
            owner.clear();
            return text;
        }
        owner = text.mid(space + 1);
        return text.left(space);
    };

    // First the schemas the archive creates itself, so that schemas with spaces in their
    // names are recognised in every other entry.
    QStringList schemaNames = hints.schemas;
    schemaNames << QStringLiteral("public") << QStringLiteral("pg_catalog");
    for (const RawLine &line : raw) {
        QString remainder;
        if (splitType(line.rest, remainder) == QLatin1String("SCHEMA")
            && remainder.startsWith(QLatin1String("- "))) {
            QString owner;
            schemaNames << splitOwner(remainder.mid(2), owner);
        }
    }
    schemaNames = byLengthDescending(schemaNames);

    for (const RawLine &line : raw) {
        TocEntry entry;
        entry.dumpId = line.dumpId;
        entry.tableOid = line.tableOid;
        entry.oid = line.oid;
        entry.line = line.text;
        entry.dependencies = line.dependencies;
        QString remainder;
        entry.type = splitType(line.rest, remainder);
        QString afterSchema;
        if (remainder.startsWith(QLatin1String("- ")) || remainder == QLatin1String("-")) {
            afterSchema = remainder.mid(2);
        } else {
            bool found = false;
            for (const QString &schema : std::as_const(schemaNames)) {
                if (remainder.size() > schema.size() && remainder.startsWith(schema)
                    && remainder.at(schema.size()) == QLatin1Char(' ')) {
                    entry.schema = schema;
                    afterSchema = remainder.mid(schema.size() + 1);
                    found = true;
                    break;
                }
            }
            if (!found) {
                const qsizetype space = remainder.indexOf(QLatin1Char(' '));
                entry.schema = space < 0 ? remainder : remainder.left(space);
                afterSchema = space < 0 ? QString() : remainder.mid(space + 1);
            }
        }
        entry.name = splitOwner(afterSchema, entry.owner);
        archive.entries.append(entry);
    }
    archive.rebuildIndex();
    return archive;
}

} // namespace PgVault
