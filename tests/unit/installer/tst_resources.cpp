#include "PgVaultResources.h"
#include "TranslationsInit.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QLocale>
#include <QPixmap>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

// The icons and translations that pgvault-resources and pgvault-translations embed.
class tst_Resources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyIconIsEmbedded();
    void iconRenders_data();
    void iconRenders();
    void translationsAreEmbedded();
    void germanTranslatorLoads();
};

namespace {

QStringList sourceIcons()
{
    const QDir dir(qEnvironmentVariable("PGVAULT_SOURCE_DIR") + u"/resources/icons"_s);
    return dir.entryList({u"*.svg"_s}, QDir::Files, QDir::Name);
}

bool hasVisiblePixels(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                return true;
        }
    }
    return false;
}

} // namespace

void tst_Resources::initTestCase()
{
    pgvaultInitResources();
    pgvaultInitTranslations();
    // Calling them again must be harmless.
    pgvaultInitResources();
    pgvaultInitTranslations();
    QVERIFY2(!sourceIcons().isEmpty(), "PGVAULT_SOURCE_DIR/resources/icons has no SVG files");
}

void tst_Resources::everyIconIsEmbedded()
{
    // resources/pgvault.qrc lists every SVG of resources/icons, and nothing else.
    QSet<QString> embedded;
    QDirIterator it(u":/icons"_s, QDir::Files);
    while (it.hasNext())
        embedded.insert(QFileInfo(it.next()).fileName());
    const QStringList files = sourceIcons();
    const QSet<QString> inSource(files.cbegin(), files.cend());
    QCOMPARE(embedded, inSource);
}

void tst_Resources::iconRenders_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &name : sourceIcons())
        QTest::newRow(qPrintable(name)) << u":/icons/"_s + name;
}

void tst_Resources::iconRenders()
{
    QFETCH(QString, path);
    // QIcon renders SVG through the svg icon engine plugin (Debian: libqt6svg6). Without it every
    // icon in the GUI would be blank, so the package depends on it and this test needs it.
    const QIcon icon(path);
    for (const int size : {16, 24, 48}) {
        const QPixmap pixmap = icon.pixmap(size, size);
        QVERIFY2(
                !pixmap.isNull(),
                qPrintable(
                        u"%1 does not render at %2 px; is the Qt SVG plugin (libqt6svg6) installed?"_s
                                .arg(path)
                                .arg(size)));
        QCOMPARE(pixmap.size(), QSize(size, size));
        QVERIFY2(hasVisiblePixels(pixmap.toImage()), qPrintable(path + u" renders empty"_s));
    }
}

void tst_Resources::translationsAreEmbedded()
{
    QVERIFY(QFile::exists(u":/i18n/pgvault_de.qm"_s));
    QVERIFY(QFile::exists(u":/i18n/pgvault_en.qm"_s));
}

void tst_Resources::germanTranslatorLoads()
{
    // The way ui/support/Translator and the CLI load them.
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), u"pgvault"_s, u"_"_s,
                            u":/i18n"_s));
    QCOMPARE(translator.language(), u"de_DE"_s);
}

QTEST_MAIN(tst_Resources)
#include "tst_resources.moc"
