#include "TocEntry.h"

#include <QSet>

#include <algorithm>

namespace PgVault {

namespace {

const QSet<QString> &objectTypes()
{
    static const QSet<QString> types{
            QStringLiteral("ACCESS METHOD"),
            QStringLiteral("AGGREGATE"),
            QStringLiteral("BLOB"),
            QStringLiteral("CAST"),
            QStringLiteral("COLLATION"),
            QStringLiteral("CONVERSION"),
            QStringLiteral("DOMAIN"),
            QStringLiteral("EVENT TRIGGER"),
            QStringLiteral("EXTENSION"),
            QStringLiteral("FOREIGN DATA WRAPPER"),
            QStringLiteral("FOREIGN TABLE"),
            QStringLiteral("FUNCTION"),
            QStringLiteral("LARGE OBJECT"),
            QStringLiteral("MATERIALIZED VIEW"),
            QStringLiteral("OPERATOR"),
            QStringLiteral("OPERATOR CLASS"),
            QStringLiteral("OPERATOR FAMILY"),
            QStringLiteral("PROCEDURAL LANGUAGE"),
            QStringLiteral("PROCEDURE"),
            QStringLiteral("PUBLICATION"),
            QStringLiteral("SEQUENCE"),
            QStringLiteral("SERVER"),
            QStringLiteral("STATISTICS"),
            QStringLiteral("SUBSCRIPTION"),
            QStringLiteral("TABLE"),
            QStringLiteral("TEXT SEARCH CONFIGURATION"),
            QStringLiteral("TEXT SEARCH DICTIONARY"),
            QStringLiteral("TEXT SEARCH PARSER"),
            QStringLiteral("TEXT SEARCH TEMPLATE"),
            QStringLiteral("TRANSFORM"),
            QStringLiteral("TYPE"),
            QStringLiteral("VIEW"),
    };
    return types;
}

} // namespace

QString TocEntry::qualifiedName() const
{
    return schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
}

bool TocEntry::isObject() const
{
    return objectTypes().contains(type);
}

bool TocEntry::isRelation() const
{
    return type == QLatin1String("TABLE") || type == QLatin1String("VIEW")
           || type == QLatin1String("MATERIALIZED VIEW") || type == QLatin1String("FOREIGN TABLE");
}

bool TocEntry::isData() const
{
    return type == QLatin1String("TABLE DATA") || type == QLatin1String("MATERIALIZED VIEW DATA")
           || type == QLatin1String("SEQUENCE SET") || type == QLatin1String("BLOBS")
           || type == QLatin1String("LARGE OBJECTS");
}

const TocEntry *TocArchive::entry(int dumpId) const
{
    const auto it = m_index.constFind(dumpId);
    return it == m_index.cend() ? nullptr : &entries.at(*it);
}

const TocEntry *TocArchive::relation(const QString &schema, const QString &name) const
{
    for (const TocEntry &e : entries) {
        if (e.isRelation() && e.schema == schema && e.name == name)
            return &e;
    }
    return nullptr;
}

QList<TocSchema> TocArchive::schemas() const
{
    QMap<QString, QList<TocEntry>> bySchema;
    for (const TocEntry &e : entries) {
        if (e.type == QLatin1String("SCHEMA"))
            bySchema[e.name]; // a schema without objects is still a schema
        else if (!e.schema.isEmpty() && e.isObject())
            bySchema[e.schema].append(e);
    }
    QList<TocSchema> result;
    for (auto it = bySchema.cbegin(); it != bySchema.cend(); ++it)
        result.append(TocSchema{it.key(), it.value()});
    return result;
}

QList<const TocEntry *> TocArchive::dependents(int dumpId) const
{
    QList<const TocEntry *> result;
    for (auto it = m_dependents.constFind(dumpId); it != m_dependents.cend() && it.key() == dumpId;
         ++it)
        result.append(&entries.at(it.value()));
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

void TocArchive::rebuildIndex()
{
    m_index.clear();
    m_dependents.clear();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        m_index.insert(entries.at(i).dumpId, i);
        for (int dependency : entries.at(i).dependencies)
            m_dependents.insert(dependency, int(i));
    }
}

} // namespace PgVault
