#pragma once

#include "common/Result.h"

#include <QString>

namespace PgVault {

// A file read front to back with POSIX calls, so errors keep their errno (QFile folds them
// into strings). Works for pipes and FIFOs too: nothing relies on the size up front.
class InputFile
{
public:
    explicit InputFile(QString path);
    ~InputFile();
    InputFile(const InputFile &) = delete;
    InputFile &operator=(const InputFile &) = delete;

    Status open();
    // Fills `buffer` up to maxSize unless the end comes first; returns the bytes read
    // (0 only at the end).
    Result<qint64> read(char *buffer, qint64 maxSize);

    const QString &path() const { return m_path; }
    qint64 position() const { return m_position; }

private:
    QString m_path;
    int m_fd = -1;
    qint64 m_position = 0;
};

} // namespace PgVault
