#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

// One line of `pg_restore --list --verbose`: an entry of a dump archive's table of contents.
//   3559; 0 16584 TABLE DATA public orders postgres
//   ;	depends on: 222
struct TocEntry
{
    int dumpId = 0;
    quint32 tableOid = 0;
    quint32 oid = 0;
    QString type;   // pg_dump's "desc": "TABLE", "TABLE DATA", "FK CONSTRAINT", …
    QString schema; // empty where pg_restore prints "-"
    QString name;   // pg_dump's "tag": "orders", "orders orders_pkey", "EXTENSION hstore", …
    QString owner;  // empty when the entry has none
    QList<int> dependencies;
    QString line; // the entry's line as pg_restore printed it (for -L list files)

    // "schema.name" (or just name when there is no schema), as pg_dump's and pg_restore's
    // messages write it ("dumping contents of table \"public.orders\"").
    QString qualifiedName() const;

    // Kinds of entries that are objects of their own (shown in a restore tree), as opposed to
    // what belongs to another entry (data, comments, ACLs, constraints, defaults, …).
    bool isObject() const;
    // TABLE, VIEW, MATERIALIZED VIEW, FOREIGN TABLE: what "--table" can select.
    bool isRelation() const;
    bool isData() const; // TABLE DATA, MATERIALIZED VIEW DATA, SEQUENCE SET, BLOBS

    bool operator==(const TocEntry &) const = default;
};

// A schema with its objects, for the GUI's restore tree (schemas -> objects).
struct TocSchema
{
    QString name;
    QList<TocEntry> objects; // TocEntry::isObject() entries, in archive order
};

// The parsed output of `pg_restore --list [--verbose]`.
class TocArchive
{
public:
    // Header facts ("; dbname: shop", "; Format: CUSTOM", …); empty when absent.
    QString databaseName;
    QString format;
    QString dumpedFromVersion;
    QString dumpedByVersion;
    int declaredEntryCount = -1; // "; TOC Entries: 61"
    QList<TocEntry> entries;     // in archive (= restore) order

    const TocEntry *entry(int dumpId) const;
    // The TABLE (or other relation) entry named schema.name.
    const TocEntry *relation(const QString &schema, const QString &name) const;
    // Schemas that hold at least one object, sorted; entries without a schema are left out.
    QList<TocSchema> schemas() const;
    // Entries that depend on `dumpId` (directly).
    QList<const TocEntry *> dependents(int dumpId) const;

private:
    friend class TocParser;
    void rebuildIndex();
    QMap<int, qsizetype> m_index;
    QMultiMap<int, int> m_dependents;
};

} // namespace PgVault
