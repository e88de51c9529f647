#include "StoredFileCheck.h"

#include "common/Tr.h"
#include "jobs/JobContext.h"
#include "repo/Checksum.h"
#include "repo/InputFile.h"

#include <QDir>

namespace PgVault {

namespace {
constexpr qint64 ChunkSize = 1024 * 1024;
} // namespace

Error corruptStoredFile(const QString &path, const QString &why, const QString &detail)
{
    return Error(
            ErrorCode::Corrupt,
            Tr::tr("The stored file %1 is damaged: %2.").arg(QDir::toNativeSeparators(path), why),
            detail);
}

Status checkStoredFile(const QString &backupDir, const StoredFile &file, JobContext *context,
                       const std::function<void(qint64 bytes)> &progress)
{
    const QString path = backupDir + QLatin1Char('/') + file.name;
    InputFile input(path);
    if (Status opened = input.open(); !opened) {
        if (opened.error().code() == ErrorCode::NotFound)
            return corruptStoredFile(path, Tr::tr("it is missing"));
        return opened.error();
    }
    Checksum checksum;
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        if (context && context->isCancelled())
            return JobContext::cancelledError();
        Result<qint64> got = input.read(buffer.data(), buffer.size());
        if (!got)
            return got.error();
        if (*got == 0)
            break;
        checksum.add(QByteArrayView(buffer.constData(), *got));
        total += *got;
        if (progress)
            progress(*got);
    }
    if (total != file.storedSize) {
        return corruptStoredFile(
                path, Tr::tr("it holds %1 bytes instead of %2").arg(total).arg(file.storedSize));
    }
    if (checksum.result() != file.checksum) {
        return corruptStoredFile(
                path, Tr::tr("its checksum does not match the manifest"),
                QStringLiteral("expected %1, found %2").arg(file.checksum, checksum.result()));
    }
    return {};
}

} // namespace PgVault
