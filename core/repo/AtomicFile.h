#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

namespace PgVault {

// A file that becomes visible under its final name only when commit() succeeds, and then
// survives a power loss: data goes to a temporary file in the same folder (same file system,
// so the final step is atomic), every write is checked, the file is fsynced, moved into place
// and the folder fsynced. QSaveFile ignores sync errors and never fsyncs the folder.
//
// Temporary names are `.<final name>.tmp.<pid>.<random>`: hidden, and recognisable as debris
// (isTempName) when a writer was killed before commit() or abort() could remove them.
class AtomicFile
{
public:
    enum class Mode {
        Replace,   // rename(): replaces an existing file atomically
        CreateNew, // link(): fails with AlreadyExists if the final name exists, never overwrites
    };

    explicit AtomicFile(QString path, Mode mode = Mode::Replace);
    ~AtomicFile(); // calls abort() unless committed
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    // Creates the temporary file. The folder must exist (see FileSystem::durableMkpath).
    Status open();
    Status write(QByteArrayView data);
    // fsync + close, link/rename into place, remove the temporary name, fsync the folder.
    // In CreateNew mode an existing final file gives ErrorCode::AlreadyExists and is untouched.
    Status commit();
    // Removes the temporary file; the final name is untouched. Safe to call more than once.
    void abort();

    // Skip the fsyncs (for throwaway destinations); the rename is still atomic.
    void setDurable(bool durable) { m_durable = durable; }

    bool isOpen() const { return m_fd >= 0; }
    const QString &path() const { return m_path; }
    const QString &tempPath() const { return m_tempPath; }
    qint64 bytesWritten() const { return m_written; }

    static bool isTempName(QStringView fileName);

private:
    Status placeFile();

    QString m_path;
    QString m_folder;
    QString m_tempPath;
    Mode m_mode;
    int m_fd = -1;
    qint64 m_written = 0;
    bool m_durable = true;
    bool m_committed = false;
};

} // namespace PgVault
