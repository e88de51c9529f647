// BackupManifest: JSON round trip, save/load, damaged and newer manifests; BackupId.

#include "TestUtil.h"
#include "backup/BackupId.h"
#include "backup/BackupManifest.h"
#include "repo/Checksum.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace PgVault;

namespace {

BackupManifest sampleManifest()
{
    BackupManifest m;
    m.id = QStringLiteral("20261124T190405Z-dump");
    m.kind = BackupKind::Dump;
    m.status = QStringLiteral("complete");
    m.systemId = 7312345678901234567ULL; // beyond 2^53: must survive as a string
    m.serverVersion = QStringLiteral("15.18");
    m.serverVersionNum = 150018;
    m.toolVersion = QStringLiteral("pg_dump (PostgreSQL) 15.18");
    m.pgvaultVersion = QStringLiteral("0.1.0");
    m.startedAt = QDateTime(QDate(2026, 11, 24), QTime(19, 4, 5, 123), QTimeZone::utc());
    m.finishedAt = QDateTime(QDate(2026, 11, 24), QTime(19, 6, 7, 890), QTimeZone::utc());
    m.databases = {QStringLiteral("shop"), QStringLiteral("naïve db")};
    m.options = QJsonObject{{QStringLiteral("format"), QStringLiteral("custom")},
                            {QStringLiteral("jobs"), 1}};
    m.details = QJsonObject{{QStringLiteral("archives"), QJsonArray{QStringLiteral("db-1.zst")}}};
    m.files = {{QStringLiteral("db-1.zst"), 1234, 56789, Checksum::of("a")},
               {QStringLiteral("globals/roles.sql.zst"), 10, 20, Checksum::of("b")}};
    return m;
}

void compareManifests(const BackupManifest &a, const BackupManifest &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.systemId, b.systemId);
    QCOMPARE(a.serverVersion, b.serverVersion);
    QCOMPARE(a.serverVersionNum, b.serverVersionNum);
    QCOMPARE(a.toolVersion, b.toolVersion);
    QCOMPARE(a.pgvaultVersion, b.pgvaultVersion);
    QCOMPARE(a.startedAt, b.startedAt);
    QCOMPARE(a.finishedAt, b.finishedAt);
    QCOMPARE(a.databases, b.databases);
    QCOMPARE(a.options, b.options);
    QCOMPARE(a.details, b.details);
    QCOMPARE(a.files, b.files);
}

} // namespace

class TestBackupManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip()
    {
        const BackupManifest m = sampleManifest();
        const QJsonObject json = m.toJson();
        QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("systemIdentifier")).toString(),
                 QStringLiteral("7312345678901234567"));
        QCOMPARE(json.value(QStringLiteral("startedAt")).toString(),
                 QStringLiteral("2026-11-24T19:04:05.123Z"));
        const QJsonObject file0 = json.value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(file0.keys(),
                 (QStringList{QStringLiteral("checksum"), QStringLiteral("name"),
                              QStringLiteral("rawSize"), QStringLiteral("storedSize")}));

        const Result<BackupManifest> back = BackupManifest::fromJson(json, QStringLiteral("x"));
        QVERIFY_OK(back);
        compareManifests(*back, m);
        QCOMPARE(back->rawSize(), 56789 + 20);
        QCOMPARE(back->storedSize(), 1234 + 10);
        QVERIFY(back->file(QStringLiteral("globals/roles.sql.zst")));
        QVERIFY(!back->file(QStringLiteral("nope")));
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        const BackupManifest m = sampleManifest();
        QVERIFY_OK(m.save(dir.path()));
        const Result<BackupManifest> back = BackupManifest::load(dir.path());
        QVERIFY_OK(back);
        compareManifests(*back, m);

        // Written once: a second save never replaces the first.
        BackupManifest other = m;
        other.status = QStringLiteral("changed");
        const Status again = other.save(dir.path());
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::AlreadyExists);
        QCOMPARE(BackupManifest::load(dir.path())->status, QStringLiteral("complete"));
        // No temporary files left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("manifest.json")});
    }

    void loadMissingIsNotFound()
    {
        QTemporaryDir dir;
        const Result<BackupManifest> m = BackupManifest::load(dir.path());
        QVERIFY(!m);
        QCOMPARE(m.error().code(), ErrorCode::NotFound);
    }

    void notJsonIsCorrupt()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"formatVersion\": 1, \"id\": ");
        f.close();
        const Result<BackupManifest> m = BackupManifest::load(dir.path());
        QVERIFY(!m);
        QCOMPARE(m.error().code(), ErrorCode::Corrupt);
        QVERIFY2(m.error().message().contains(dir.filePath(QStringLiteral("manifest.json"))),
                 qPrintable(m.error().message()));
    }

    void missingField_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"formatVersion", "id", "kind", "status", "systemIdentifier",
                                  "startedAt", "finishedAt", "files"})
            QTest::newRow(field) << QString::fromLatin1(field);
    }

    void missingField()
    {
        QFETCH(QString, field);
        QJsonObject json = sampleManifest().toJson();
        json.remove(field);
        const Result<BackupManifest> m
                = BackupManifest::fromJson(json, QStringLiteral("/repo/b/manifest.json"));
        QVERIFY(!m);
        QCOMPARE(m.error().code(), ErrorCode::Corrupt);
        QVERIFY2(m.error().message().contains(QStringLiteral("/repo/b/manifest.json")),
                 qPrintable(m.error().message()));
        QVERIFY2(m.error().message().contains(field), qPrintable(m.error().message()));
        QVERIFY2(m.error().message().contains(QStringLiteral("missing")),
                 qPrintable(m.error().message()));
    }

    void illTypedField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        auto row = [](const char *name, const char *field, const QJsonValue &value,
                      const char *named) {
            QTest::newRow(name) << QString::fromLatin1(field) << value
                                << QString::fromLatin1(named);
        };
        row("version as text", "formatVersion", QStringLiteral("1"), "formatVersion");
        row("system id as number", "systemIdentifier", 123456.0, "systemIdentifier");
        row("system id zero", "systemIdentifier", QStringLiteral("0"), "systemIdentifier");
        row("bad id", "id", QStringLiteral("yesterday"), "id");
        row("unknown kind", "kind", QStringLiteral("tape"), "kind");
        row("time not a time", "startedAt", QStringLiteral("soon"), "startedAt");
        row("databases not text", "databases", QJsonArray{1, 2}, "databases");
        row("options not an object", "options", QStringLiteral("x"), "options");
        row("files not an array", "files", QJsonObject(), "files");
        auto withFile = [](const char *key, const QJsonValue &value) {
            QJsonObject f{{QStringLiteral("name"), QStringLiteral("a.zst")},
                          {QStringLiteral("storedSize"), 1},
                          {QStringLiteral("rawSize"), 1},
                          {QStringLiteral("checksum"), Checksum::of("a")}};
            f.insert(QLatin1String(key), value);
            return QJsonValue(QJsonArray{f});
        };
        row("negative size", "files", withFile("storedSize", -5), "files[0].storedSize");
        row("fractional size", "files", withFile("rawSize", 1.5), "files[0].rawSize");
        row("escaping name", "files", withFile("name", QStringLiteral("../../etc/passwd")),
            "files[0].name");
        row("absolute name", "files", withFile("name", QStringLiteral("/etc/passwd")),
            "files[0].name");
        row("manifest as file", "files", withFile("name", QStringLiteral("manifest.json")),
            "files[0].name");
        row("bad checksum", "files", withFile("checksum", QStringLiteral("md5:00")),
            "files[0].checksum");
    }

    void illTypedField()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject json = sampleManifest().toJson();
        json.insert(field, value);
        const Result<BackupManifest> m
                = BackupManifest::fromJson(json, QStringLiteral("/repo/b/manifest.json"));
        QVERIFY(!m);
        QCOMPARE(m.error().code(), ErrorCode::Corrupt);
        QVERIFY2(m.error().message().contains(QStringLiteral("/repo/b/manifest.json")),
                 qPrintable(m.error().message()));
        QVERIFY2(m.error().message().contains(QStringLiteral("“%1”").arg(named)),
                 qPrintable(m.error().message()));
    }

    void duplicateFileIsCorrupt()
    {
        BackupManifest m = sampleManifest();
        m.files.append(m.files.first());
        const Result<BackupManifest> back
                = BackupManifest::fromJson(m.toJson(), QStringLiteral("m"));
        QVERIFY(!back);
        QCOMPARE(back.error().code(), ErrorCode::Corrupt);
        QVERIFY(back.error().message().contains(QStringLiteral("db-1.zst")));
    }

    void newerFormatIsUnsupported()
    {
        QJsonObject json = sampleManifest().toJson();
        json.insert(QStringLiteral("formatVersion"), 2);
        json.remove(
                QStringLiteral("files")); // a newer format may look different; still Unsupported
        const Result<BackupManifest> m
                = BackupManifest::fromJson(json, QStringLiteral("/r/m.json"));
        QVERIFY(!m);
        QCOMPARE(m.error().code(), ErrorCode::Unsupported);
        QVERIFY2(m.error().message().contains(QStringLiteral("/r/m.json")),
                 qPrintable(m.error().message()));
        QVERIFY(m.error().message().contains(QStringLiteral("version 2")));
    }

    void optionalFieldsMayBeAbsent()
    {
        QJsonObject json = sampleManifest().toJson();
        for (const char *key : {"serverVersion", "serverVersionNum", "toolVersion",
                                "pgvaultVersion", "databases", "options", "details"})
            json.remove(QLatin1String(key));
        const Result<BackupManifest> m = BackupManifest::fromJson(json, QStringLiteral("m"));
        QVERIFY_OK(m);
        QVERIFY(m->databases.isEmpty());
        QCOMPARE(m->files.size(), 2);
    }

    void fileNames()
    {
        QVERIFY(BackupManifest::isValidFileName(u"a.zst"));
        QVERIFY(BackupManifest::isValidFileName(u"db-1/toc.dat.zst"));
        QVERIFY(BackupManifest::isValidFileName(u".hidden.zst"));
        for (const char *bad : {"", "/abs", "a/../b", "..", ".", "a//b", "a/", "manifest.json",
                                ".x.zst.tmp.123.deadbeef", "a\\b"})
            QVERIFY2(!BackupManifest::isValidFileName(QString::fromLatin1(bad)), bad);
    }

    void idMake()
    {
        const QDateTime t(QDate(2026, 11, 24), QTime(19, 4, 5, 999), QTimeZone::utc());
        QCOMPARE(BackupId::make(t, BackupKind::Base), QStringLiteral("20261124T190405Z-base"));
        QCOMPARE(BackupId::make(t, BackupKind::Dump), QStringLiteral("20261124T190405Z-dump"));
        QCOMPARE(BackupId::make(t, BackupKind::Dump, 1), QStringLiteral("20261124T190405Z-dump"));
        QCOMPARE(BackupId::make(t, BackupKind::Dump, 2), QStringLiteral("20261124T190405Z-dump-2"));
        // Local times are converted: the id is always UTC.
        const QDateTime offset = t.toTimeZone(QTimeZone(3600 * 5));
        QCOMPARE(BackupId::make(offset, BackupKind::Base), QStringLiteral("20261124T190405Z-base"));
    }

    void idParse()
    {
        const QString id = QStringLiteral("20261124T190405Z-dump-12");
        QVERIFY(BackupId::isValid(id));
        QCOMPARE(*BackupId::startTime(id),
                 QDateTime(QDate(2026, 11, 24), QTime(19, 4, 5), QTimeZone::utc()));
        QCOMPARE(*BackupId::kind(id), BackupKind::Dump);
        QCOMPARE(*BackupId::sequence(id), 12);
        QCOMPARE(*BackupId::sequence(u"20261124T190405Z-base"), 1);
        QCOMPARE(*BackupId::kind(u"20261124T190405Z-base"), BackupKind::Base);
        for (const char *bad :
             {"", "20261124T190405Z", "20261124T190405-dump", "20261124T190405Z-tape",
              "20261124T190405Z-dump-1", "20261124T190405Z-dump-0", "20261124T190405Z-dump-x",
              "20261324T190405Z-dump", "20261124T250405Z-dump", "20261124T190405Z-DUMP",
              " 20261124T190405Z-dump", "x20261124T190405Z-dump"}) {
            QVERIFY2(!BackupId::isValid(QString::fromLatin1(bad)), bad);
            QVERIFY(!BackupId::startTime(QString::fromLatin1(bad)));
            QVERIFY(!BackupId::kind(QString::fromLatin1(bad)));
        }
        // A UTC id is valid whatever the local time zone's DST gaps are.
        QVERIFY(BackupId::isValid(u"20260329T023000Z-dump"));
    }

    void idOrder()
    {
        const QStringList sorted = {
                QStringLiteral("20251231T235959Z-base"),
                QStringLiteral("20261124T190405Z-base"),
                QStringLiteral("20261124T190405Z-dump-2"),
                QStringLiteral("20261124T190405Z-dump-9"),
                QStringLiteral("20261124T190405Z-dump-10"),
                QStringLiteral("20261124T190406Z-dump"),
                QStringLiteral("aaa-debris"),
                QStringLiteral("zzz"),
        };
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            for (qsizetype j = 0; j < sorted.size(); ++j) {
                const int c = BackupId::compare(sorted.at(i), sorted.at(j));
                QVERIFY2(i < j ? c < 0 : (i > j ? c > 0 : c == 0),
                         qPrintable(sorted.at(i) + QStringLiteral(" vs ") + sorted.at(j)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBackupManifest)
#include "tst_backupmanifest.moc"
