// TocParser, RestoreSelection, ToolMessages and DumpDetails, without a server. toc-sample.txt is
// `pg_restore --list --verbose` of a real PostgreSQL 15 dump of a database with pgbench tables,
// extensions, an enum, a domain, identity and serial columns, a partitioned table, a view, a
// materialized view, a trigger, a large object, and names with spaces, quotes and non-ASCII
// characters (tests/integration/dump repeats this against a live dump).

#include "TestUtil.h"
#include "dump/DumpDetails.h"
#include "dump/RestoreSelection.h"
#include "dump/TocParser.h"
#include "dump/ToolMessages.h"

#include <QFile>
#include <QTest>

using namespace PgVault;

namespace {

QByteArray sample()
{
    QFile file(QStringLiteral(PGVAULT_TOC_SAMPLE));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

TocParser::Hints sampleHints()
{
    return {{QStringLiteral("Sch ema"), QStringLiteral("public"), QString::fromUtf8("ünïcødé")},
            {QStringLiteral("postgres"), QStringLiteral("app user")}};
}

const TocEntry *findEntry(const TocArchive &archive, const QString &type, const QString &schema,
                          const QString &name)
{
    for (const TocEntry &e : archive.entries) {
        if (e.type == type && e.schema == schema && e.name == name)
            return &e;
    }
    return nullptr;
}

QStringList describe(const RestoreSelection &selection)
{
    QStringList out;
    for (const TocEntry &e : selection.entries)
        out.append(e.type + QLatin1Char('|') + e.schema + QLatin1Char('|') + e.name);
    return out;
}

} // namespace

class TestTocParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHeaderAndEveryEntry()
    {
        const QByteArray text = sample();
        QVERIFY(!text.isEmpty());
        const Result<TocArchive> archive = TocParser::parse(text, sampleHints());
        QVERIFY_OK(archive);
        QCOMPARE(archive->databaseName, QStringLiteral("src"));
        QCOMPARE(archive->format, QStringLiteral("CUSTOM"));
        QVERIFY(archive->dumpedFromVersion.startsWith(QLatin1String("15.")));
        QCOMPARE(archive->entries.size(), archive->declaredEntryCount);
        for (const TocEntry &e : archive->entries) {
            QVERIFY2(TocParser::knownTypes().contains(e.type), qPrintable(e.line));
            QVERIFY(e.dumpId > 0);
        }
    }

    void splitsFieldsWithSpacesQuotesAndNonAscii()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        const TocEntry *quoted = findEntry(*archive, QStringLiteral("TABLE"),
                                           QStringLiteral("Sch ema"), QStringLiteral("Tä\"ble x"));
        QVERIFY(quoted);
        QCOMPARE(quoted->owner, QStringLiteral("postgres"));
        QCOMPARE(quoted->qualifiedName(), QStringLiteral("Sch ema.Tä\"ble x"));
        const TocEntry *app = findEntry(*archive, QStringLiteral("TABLE DATA"),
                                        QStringLiteral("Sch ema"), QStringLiteral("app data"));
        QVERIFY(app);
        QCOMPARE(app->owner, QStringLiteral("app user"));
        QVERIFY(findEntry(*archive, QStringLiteral("TABLE"), QString::fromUtf8("ünïcødé"),
                          QString::fromUtf8("数据")));
        const TocEntry *fk
                = findEntry(*archive, QStringLiteral("FK CONSTRAINT"), QStringLiteral("public"),
                            QStringLiteral("orders orders_item_id_fkey"));
        QVERIFY(fk);
        QCOMPARE(fk->dependencies.size(), 3);
        const TocEntry *extension = findEntry(*archive, QStringLiteral("EXTENSION"), QString(),
                                              QStringLiteral("hstore"));
        QVERIFY(extension);
        QCOMPARE(extension->owner, QString());
        const TocEntry *owned
                = findEntry(*archive, QStringLiteral("SEQUENCE OWNED BY"), QStringLiteral("public"),
                            QStringLiteral("orders_id_seq"));
        QVERIFY(owned);
    }

    void withoutHintsSchemasComeFromTheArchive()
    {
        const Result<TocArchive> archive = TocParser::parse(sample());
        QVERIFY_OK(archive);
        // The schema is known from its SCHEMA entry; the owner with a space is not.
        QVERIFY(findEntry(*archive, QStringLiteral("TABLE"), QStringLiteral("Sch ema"),
                          QStringLiteral("Tä\"ble x")));
        QVERIFY(findEntry(*archive, QStringLiteral("TABLE"), QStringLiteral("Sch ema"),
                          QStringLiteral("app data app")));
    }

    void schemaTree()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        const QList<TocSchema> schemas = archive->schemas();
        QStringList names;
        for (const TocSchema &s : schemas)
            names.append(s.name);
        QCOMPARE(names, (QStringList{QStringLiteral("Sch ema"), QStringLiteral("public"),
                                     QString::fromUtf8("ünïcødé")}));
        QStringList publicObjects;
        for (const TocEntry &e : schemas.at(1).objects)
            publicObjects.append(e.type + QLatin1Char(' ') + e.name);
        QVERIFY(publicObjects.contains(QStringLiteral("TYPE mood")));
        QVERIFY(publicObjects.contains(QStringLiteral("DOMAIN posint")));
        QVERIFY(publicObjects.contains(QStringLiteral("VIEW order_view")));
        QVERIFY(publicObjects.contains(QStringLiteral("MATERIALIZED VIEW item_mv")));
        QVERIFY(publicObjects.contains(QStringLiteral("FUNCTION touch()")));
        QVERIFY(publicObjects.contains(QStringLiteral("TABLE pgbench_accounts")));
        QVERIFY(!publicObjects.contains(QStringLiteral("TABLE DATA pgbench_accounts")));
    }

    void selectingOneTableTakesWhatBelongsToIt()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        const Result<RestoreSelection> selection
                = RestoreSelection::plan(*archive, {}, {QStringLiteral("public.orders")});
        QVERIFY_OK(selection);
        const QStringList got = describe(*selection);
        for (const char *expected :
             {"TABLE|public|orders", "TABLE DATA|public|orders", "SEQUENCE|public|orders_id_seq",
              "SEQUENCE OWNED BY|public|orders_id_seq", "SEQUENCE SET|public|orders_id_seq",
              "DEFAULT|public|orders id", "CONSTRAINT|public|orders orders_pkey",
              "INDEX|public|orders_item_idx", "TRIGGER|public|orders orders_touch",
              "FUNCTION|public|touch()", "ENCODING||ENCODING"})
            QVERIFY2(got.contains(QLatin1String(expected)), expected);
        // Not the referenced table, so not the foreign key; not the views using it.
        for (const char *unexpected :
             {"TABLE|public|items", "FK CONSTRAINT|public|orders orders_item_id_fkey",
              "VIEW|public|order_view", "TABLE|public|pgbench_accounts", "BLOBS||BLOBS"})
            QVERIFY2(!got.contains(QLatin1String(unexpected)), unexpected);
        QCOMPARE(selection->tables, QStringList{QStringLiteral("public.orders")});
        QVERIFY(selection->explanations.join(QLatin1Char('\n')).contains(QLatin1String("fkey")));

        // The list file holds exactly the chosen lines, in archive order.
        const QList<QByteArray> lines = selection->listFile().split('\n');
        QList<int> ids;
        for (const QByteArray &line : lines) {
            if (!line.isEmpty() && !line.startsWith(';'))
                ids.append(line.left(line.indexOf(';')).toInt());
        }
        QCOMPARE(ids, selection->dumpIds());
    }

    void selectingATableTakesTheTypesItNeeds()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        const Result<RestoreSelection> selection
                = RestoreSelection::plan(*archive, {}, {QStringLiteral("Sch ema.Tä\"ble x")});
        QVERIFY_OK(selection);
        const QStringList got = describe(*selection);
        for (const char *expected :
             {"TABLE|Sch ema|Tä\"ble x", "TYPE|public|mood", "DOMAIN|public|posint",
              "EXTENSION||hstore", "COMMENT||EXTENSION hstore", "SCHEMA||Sch ema",
              "SEQUENCE|Sch ema|Tä\"ble x_id_seq", "SEQUENCE SET|Sch ema|Tä\"ble x_id_seq"})
            QVERIFY2(got.contains(QString::fromUtf8(expected)), expected);
        QVERIFY(!got.contains(QStringLiteral("TABLE|Sch ema|app data")));
        const QString why = selection->explanations.join(QLatin1Char('\n'));
        QVERIFY2(why.contains(QLatin1String("mood")), qPrintable(why));
    }

    void selectingBothSidesKeepsTheForeignKeyAndPartitionsFollowTheirParent()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        Result<RestoreSelection> selection = RestoreSelection::plan(
                *archive, {}, {QStringLiteral("public.orders"), QStringLiteral("items")});
        QVERIFY_OK(selection);
        QVERIFY(describe(*selection)
                        .contains(
                                QStringLiteral("FK CONSTRAINT|public|orders orders_item_id_fkey")));
        QVERIFY(describe(*selection).contains(QStringLiteral("SEQUENCE|public|items_id_seq")));

        selection = RestoreSelection::plan(*archive, {}, {QStringLiteral("public.meas")});
        QVERIFY_OK(selection);
        const QStringList got = describe(*selection);
        QVERIFY(got.contains(QStringLiteral("TABLE DATA|public|meas_2023")));
        QVERIFY(got.contains(QStringLiteral("TABLE ATTACH|public|meas_2024")));
    }

    void selectingASchema()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        const Result<RestoreSelection> selection
                = RestoreSelection::plan(*archive, {QString::fromUtf8("ünïcødé")}, {});
        QVERIFY_OK(selection);
        const QStringList got = describe(*selection);
        QVERIFY(got.contains(QString::fromUtf8("SCHEMA||ünïcødé")));
        QVERIFY(got.contains(QString::fromUtf8("TABLE DATA|ünïcødé|数据")));
        QVERIFY(got.contains(QString::fromUtf8("COMMENT|ünïcødé|TABLE \"数据\"")));
        QVERIFY(!got.contains(QStringLiteral("TABLE|public|orders")));
    }

    void unknownNamesAreRefused()
    {
        const Result<TocArchive> archive = TocParser::parse(sample(), sampleHints());
        QVERIFY_OK(archive);
        Result<RestoreSelection> selection
                = RestoreSelection::plan(*archive, {}, {QStringLiteral("public.nope")});
        QVERIFY(!selection);
        QCOMPARE(selection.error().code(), ErrorCode::NotFound);
        QVERIFY(selection.error().message().contains(QLatin1String("public.nope")));
        selection = RestoreSelection::plan(*archive, {QStringLiteral("nowhere")}, {});
        QVERIFY(!selection);
        QVERIFY(selection.error().message().contains(QLatin1String("nowhere")));
        QCOMPARE(RestoreSelection::plan(*archive, {}, {}).error().code(), ErrorCode::InvalidInput);
    }

    void damagedListsAreCorrupt()
    {
        QCOMPARE(TocParser::parse(QByteArray("")).error().code(), ErrorCode::Corrupt);
        QCOMPARE(TocParser::parse(QByteArray("; only a comment\n")).error().code(),
                 ErrorCode::Corrupt);
        QCOMPARE(TocParser::parse(QByteArray("12; x y TABLE a b c\n")).error().code(),
                 ErrorCode::Corrupt);
        QCOMPARE(TocParser::parse(QByteArray(";\tdepends on: 3\n1; 0 0 TABLE a b c\n"))
                         .error()
                         .code(),
                 ErrorCode::Corrupt);
    }

    void toolMessages()
    {
        QCOMPARE(ToolMessages::dumpingTable(QStringLiteral(
                         "pg_dump: dumping contents of table \"Sch ema.Tä\"ble x\"")),
                 std::optional<QString>(QStringLiteral("Sch ema.Tä\"ble x")));
        QCOMPARE(ToolMessages::dumpingTable(QStringLiteral("pg_dump: reading schemas")),
                 std::nullopt);
        QCOMPARE(ToolMessages::restoringTable(
                         QStringLiteral("pg_restore: processing data for table \"public.items\"")),
                 std::optional<QString>(QStringLiteral("public.items")));
        QVERIFY(ToolMessages::isRestoreItem(
                QStringLiteral("pg_restore: creating TABLE \"public.items\"")));
        QVERIFY(ToolMessages::isError(QStringLiteral(
                "pg_dump: error: query failed: ERROR:  permission denied for table secret")));
        QVERIFY(ToolMessages::isMissingRoleError(QStringLiteral(
                "pg_restore: error: could not execute query: ERROR:  role \"app user\" does "
                "not exist")));
        const QStringList lines{
                QStringLiteral("pg_restore: creating TABLE \"public.a\""),
                QStringLiteral("pg_restore: error: could not execute query: ERROR:  boom"),
                QStringLiteral("Command was: CREATE TABLE a ("),
                QStringLiteral("    id integer"),
                QStringLiteral(");"),
                QStringLiteral("pg_restore: creating TABLE \"public.b\""),
                QStringLiteral("pg_restore: warning: errors ignored on restore: 1")};
        QCOMPARE(ToolMessages::errorLines(lines).size(), 5);
    }

    void detailsRoundTrip()
    {
        DumpDetails details;
        details.format = DumpFormat::Directory;
        details.globalsFile = QStringLiteral("globals.sql.zst");
        DumpedDatabase db;
        db.name = QString::fromUtf8("wéird \"name\"");
        db.format = DumpFormat::Directory;
        db.stem = QStringLiteral("db-1");
        db.files = {QStringLiteral("db-1/toc.dat.zst"), QStringLiteral("db-1/3456.dat.zst")};
        db.tocFile = QStringLiteral("db-1.toc.zst");
        db.tableBytes.insert(QStringLiteral("public.t"), 8192);
        db.roles = {QStringLiteral("app user")};
        details.databases.append(db);
        const Result<DumpDetails> back
                = DumpDetails::fromJson(details.toJson(), QStringLiteral("m"));
        QVERIFY_OK(back);
        QCOMPARE(back->format, DumpFormat::Directory);
        QCOMPARE(back->globalsFile, details.globalsFile);
        QVERIFY(back->database(db.name));
        QCOMPARE(back->database(db.name)->files, db.files);
        QCOMPARE(back->database(db.name)->tableBytes.value(QStringLiteral("public.t")), 8192);
        QCOMPARE(DumpDetails::fromJson({}, QStringLiteral("m")).error().code(), ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestTocParser)
#include "tst_tocparser.moc"
