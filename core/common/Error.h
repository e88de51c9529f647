#pragma once

#include <QString>
#include <QStringList>

namespace PgVault {

// What kind of failure happened; callers branch on this, never on the message text.
enum class ErrorCode {
    ConnectionFailed,
    AuthenticationFailed,
    Timeout,
    PermissionDenied,
    ToolMissing,
    DiskFull,
    Corrupt,
    Locked,
    NotFound,
    AlreadyExists,
    Cancelled,
    InvalidInput,
    Unsupported,
    ServerError,
    IoError,
    KeychainUnavailable,
    Internal,
};

// An error is a value with two faces: `message` is translated and tells the user what happened
// and what to do; `detail` is untranslated technical text (libpq's message, errno, stderr lines).
class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message, QString detail = {});

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }

    // Prefixes the message with what the caller was doing ("Dumping “shop”: …").
    Error withContext(const QString &context) const;
    Error withDetail(const QString &moreDetail) const;

    // message, plus detail on its own line when there is one; for logs and test output.
    QString toString() const;

    static QString codeName(ErrorCode code);

private:
    ErrorCode m_code = ErrorCode::Internal;
    QString m_message;
    QString m_detail;
};

} // namespace PgVault
