#include "RestoreSelection.h"

#include "common/Tr.h"

namespace PgVault {

namespace {

using Ids = QSet<int>;

bool typeIn(const TocEntry &entry, std::initializer_list<const char *> types)
{
    for (const char *type : types) {
        if (entry.type == QLatin1String(type))
            return true;
    }
    return false;
}

// What an object cannot be created without.
bool isPrerequisite(const TocEntry &entry)
{
    return typeIn(entry, {"TYPE",
                          "DOMAIN",
                          "SHELL TYPE",
                          "FUNCTION",
                          "PROCEDURE",
                          "AGGREGATE",
                          "EXTENSION",
                          "COLLATION",
                          "SCHEMA",
                          "SEQUENCE",
                          "OPERATOR",
                          "OPERATOR CLASS",
                          "OPERATOR FAMILY",
                          "TEXT SEARCH CONFIGURATION",
                          "TEXT SEARCH DICTIONARY",
                          "TEXT SEARCH PARSER",
                          "TEXT SEARCH TEMPLATE",
                          "CONVERSION",
                          "CAST",
                          "PROCEDURAL LANGUAGE",
                          "ACCESS METHOD",
                          "SERVER",
                          "FOREIGN DATA WRAPPER",
                          "TRANSFORM"});
}

// What belongs to a relation and comes with it.
bool isRelationPart(const TocEntry &entry)
{
    return typeIn(entry, {"TABLE DATA", "MATERIALIZED VIEW DATA", "INDEX", "CONSTRAINT",
                          "CHECK CONSTRAINT", "FK CONSTRAINT", "TRIGGER", "DEFAULT", "RULE",
                          "POLICY", "ROW SECURITY", "STATISTICS", "STATISTICS DATA", "SEQUENCE",
                          "TABLE ATTACH", "INDEX ATTACH", "COMMENT", "ACL", "SECURITY LABEL"});
}

// What belongs to any object and comes with it (its comment, privileges, a sequence's value).
bool isAttachment(const TocEntry &entry)
{
    return typeIn(entry, {"COMMENT", "ACL", "SECURITY LABEL", "SEQUENCE SET", "SEQUENCE OWNED BY",
                          "INDEX ATTACH", "STATISTICS DATA"});
}

bool isAlwaysIncluded(const TocEntry &entry)
{
    return typeIn(entry, {"ENCODING", "STDSTRINGS", "SEARCHPATH"});
}

QString describe(const TocEntry &entry)
{
    return Tr::tr("%1 “%2”").arg(entry.type.toLower(), entry.qualifiedName());
}

} // namespace

QList<int> RestoreSelection::dumpIds() const
{
    QList<int> ids;
    for (const TocEntry &entry : entries)
        ids.append(entry.dumpId);
    return ids;
}

QByteArray RestoreSelection::listFile() const
{
    QByteArray text = "; Selective restore list written by PgVault\n";
    for (const QString &explanation : explanations)
        text += "; " + explanation.toUtf8().replace('\n', ' ') + '\n';
    for (const TocEntry &entry : entries)
        text += entry.line.toUtf8() + '\n';
    return text;
}

Result<RestoreSelection> RestoreSelection::plan(const TocArchive &archive,
                                                const QStringList &schemas,
                                                const QStringList &tables)
{
    if (schemas.isEmpty() && tables.isEmpty()) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("A selective restore needs at least one schema or table."));
    }

    Ids relations;
    Ids chosen;
    RestoreSelection selection;

    for (const QString &table : tables) {
        const TocEntry *found = nullptr;
        if (!table.contains(QLatin1Char('.'))) {
            found = archive.relation(QStringLiteral("public"), table);
        } else {
            // Names may contain dots themselves: try every split.
            for (qsizetype dot = table.indexOf(QLatin1Char('.')); dot >= 0 && !found;
                 dot = table.indexOf(QLatin1Char('.'), dot + 1))
                found = archive.relation(table.left(dot), table.mid(dot + 1));
        }
        if (!found) {
            return Error(ErrorCode::NotFound, Tr::tr("The backup holds no table “%1”.").arg(table));
        }
        relations.insert(found->dumpId);
    }
    for (const QString &schema : schemas) {
        bool exists = false;
        for (const TocEntry &entry : archive.entries) {
            if (entry.schema == schema
                || (entry.type == QLatin1String("SCHEMA") && entry.name == schema)) {
                exists = true;
                chosen.insert(entry.dumpId);
                if (entry.isRelation())
                    relations.insert(entry.dumpId);
            }
        }
        if (!exists) {
            return Error(ErrorCode::NotFound,
                         Tr::tr("The backup holds no schema “%1”.").arg(schema));
        }
    }

    // Partitions come with their partitioned table (TABLE ATTACH depends on both).
    for (bool grew = true; grew;) {
        grew = false;
        for (const TocEntry &entry : archive.entries) {
            if (entry.type != QLatin1String("TABLE ATTACH"))
                continue;
            bool parentChosen = false;
            for (int dependency : entry.dependencies) {
                const TocEntry *d = archive.entry(dependency);
                if (d && d->isRelation() && relations.contains(dependency) && d->name != entry.name)
                    parentChosen = true;
            }
            if (!parentChosen)
                continue;
            for (int dependency : entry.dependencies) {
                const TocEntry *d = archive.entry(dependency);
                if (d && d->isRelation() && !relations.contains(dependency)) {
                    relations.insert(dependency);
                    grew = true;
                }
            }
        }
    }
    chosen.unite(relations);

    QSet<QString> explained;
    const auto explain = [&](const QString &text) {
        if (!explained.contains(text)) {
            explained.insert(text);
            selection.explanations.append(text);
        }
    };

    for (bool grew = true; grew;) {
        grew = false;
        const Ids current = chosen;
        for (int id : current) {
            const TocEntry *entry = archive.entry(id);
            if (!entry)
                continue;
            // What comes with it.
            for (const TocEntry *dependent : archive.dependents(id)) {
                if (chosen.contains(dependent->dumpId))
                    continue;
                bool take = false;
                if (relations.contains(id) && isRelationPart(*dependent)) {
                    // Only when every relation it touches is restored (a foreign key to a
                    // table that is not restored would fail).
                    take = true;
                    for (int other : dependent->dependencies) {
                        const TocEntry *o = archive.entry(other);
                        if (o && o->isRelation() && !relations.contains(other)) {
                            take = false;
                            explain(Tr::tr("%1 is not restored: it needs %2, which is not "
                                           "restored.")
                                            .arg(describe(*dependent), describe(*o)));
                        }
                    }
                } else if (isAttachment(*dependent)) {
                    take = true;
                }
                if (take) {
                    chosen.insert(dependent->dumpId);
                    grew = true;
                }
            }
            // What it needs.
            for (int dependency : entry->dependencies) {
                const TocEntry *needed = archive.entry(dependency);
                if (!needed || chosen.contains(dependency))
                    continue;
                if (isPrerequisite(*needed)) {
                    chosen.insert(dependency);
                    grew = true;
                    explain(Tr::tr("%1 is restored too: %2 needs it.")
                                    .arg(describe(*needed), describe(*entry)));
                } else if (needed->isRelation()) {
                    explain(Tr::tr("%1 needs %2, which is not restored; it must exist in the "
                                   "target database.")
                                    .arg(describe(*entry), describe(*needed)));
                }
            }
        }
    }

    for (const TocEntry &entry : archive.entries) {
        if (chosen.contains(entry.dumpId) || isAlwaysIncluded(entry)) {
            selection.entries.append(entry);
            if (relations.contains(entry.dumpId))
                selection.tables.append(entry.qualifiedName());
        }
    }
    return selection;
}

} // namespace PgVault
