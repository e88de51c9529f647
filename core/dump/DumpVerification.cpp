#include "DumpVerification.h"

#include "TocParser.h"
#include "ToolProcess.h"
#include "backup/StoredFileCheck.h"
#include "common/Tr.h"
#include "jobs/JobContext.h"
#include "repo/AtomicFile.h"
#include "repo/ZstdReader.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <memory>

namespace PgVault::DumpVerification {

namespace {

constexpr qint64 ChunkSize = 1024 * 1024;

} // namespace

Result<QByteArray> listArchive(const QString &backupDir, const DumpedDatabase &database,
                               const QString &pgRestore, JobContext *context)
{
    QStringList arguments{QStringLiteral("--list"), QStringLiteral("--verbose")};
    std::unique_ptr<ZstdReader> reader;
    std::optional<QTemporaryDir> tocDir;
    QString archiveFile;

    if (database.format == DumpFormat::Custom) {
        archiveFile = backupDir + QLatin1Char('/') + database.files.value(0);
        reader = std::make_unique<ZstdReader>(archiveFile);
        if (Status opened = reader->open(); !opened)
            return opened.error();
        arguments << QStringLiteral("--format=custom");
    } else {
        const QString tocName = database.stem + QStringLiteral("/toc.dat.zst");
        archiveFile = backupDir + QLatin1Char('/') + tocName;
        tocDir.emplace(QDir::tempPath() + QStringLiteral("/pgvault-toc-XXXXXX"));
        if (!tocDir->isValid()) {
            return Error(ErrorCode::IoError,
                         Tr::tr("Could not create a temporary folder in %1.").arg(QDir::tempPath()),
                         tocDir->errorString());
        }
        Result<QByteArray> toc = ZstdReader::readAll(archiveFile);
        if (!toc)
            return toc.error();
        AtomicFile out(tocDir->path() + QStringLiteral("/toc.dat"));
        out.setDurable(false);
        if (Status s = out.open(); !s)
            return s.error();
        if (Status s = out.write(*toc); !s)
            return s.error();
        if (Status s = out.commit(); !s)
            return s.error();
        arguments << QStringLiteral("--format=directory") << tocDir->path();
    }

    ToolProcess process(pgRestore, arguments);
    process.setCancelContext(context);
    process.setCollectOutput(true);
    if (reader) {
        process.setInput(
                [&reader](char *buffer, qint64 maxSize) { return reader->read(buffer, maxSize); });
    }
    Result<ToolProcess::Outcome> outcome = process.run();
    if (!outcome)
        return outcome.error();
    if (!outcome->succeeded()) {
        return corruptStoredFile(archiveFile,
                                 Tr::tr("pg_restore cannot read it: %1").arg(outcome->summary(3)),
                                 outcome->detail());
    }
    // pg_restore --list stops after the table of contents; the rest of the archive must still
    // decompress to its verified end.
    if (reader) {
        QByteArray buffer(ChunkSize, Qt::Uninitialized);
        for (;;) {
            if (context && context->isCancelled())
                return JobContext::cancelledError();
            Result<qint64> got = reader->read(buffer.data(), buffer.size());
            if (!got)
                return got.error();
            if (*got == 0)
                break;
        }
    }
    const Result<TocArchive> toc
            = TocParser::parse(outcome->output, TocParser::Hints{database.schemas, database.roles});
    if (!toc) {
        return corruptStoredFile(archiveFile, toc.error().message(), toc.error().detail());
    }
    return outcome->output;
}

Status check(const BackupEntry &entry, JobContext &context, const ToolLocator &tools)
{
    if (!entry.manifest)
        return {};
    const BackupManifest &manifest = *entry.manifest;
    Result<DumpDetails> details = DumpDetails::fromJson(
            manifest.details, entry.path + QStringLiteral("/manifest.json"));
    if (!details)
        return details.error();
    Result<QString> pgRestore
            = tools.find(QStringLiteral("pg_restore"), manifest.serverVersionNum / 10000);
    if (!pgRestore)
        return pgRestore.error();
    for (const DumpedDatabase &database : details->databases) {
        context.setCurrentItem(database.name);
        Result<QByteArray> listed = listArchive(entry.path, database, *pgRestore, &context);
        if (!listed)
            return listed.error();
    }
    return {};
}

VerifyJob::KindCheck kindCheck(QStringList extraToolDirs)
{
    auto tools = std::make_shared<ToolLocator>();
    tools->setExtraDirs(extraToolDirs);
    return [tools](const BackupEntry &entry, JobContext &context) {
        return check(entry, context, *tools);
    };
}

} // namespace PgVault::DumpVerification
