#include "Error.h"

namespace PgVault {

Error::Error(ErrorCode code, QString message, QString detail)
    : m_code(code)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
{}

Error Error::withContext(const QString &context) const
{
    Error e = *this;
    e.m_message = context + QStringLiteral(": ") + m_message;
    return e;
}

Error Error::withDetail(const QString &moreDetail) const
{
    Error e = *this;
    e.m_detail = m_detail.isEmpty() ? moreDetail : m_detail + QLatin1Char('\n') + moreDetail;
    return e;
}

QString Error::toString() const
{
    if (m_detail.isEmpty())
        return m_message;
    return m_message + QLatin1Char('\n') + m_detail;
}

QString Error::codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ConnectionFailed: return QStringLiteral("connection-failed");
    case ErrorCode::AuthenticationFailed: return QStringLiteral("authentication-failed");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::PermissionDenied: return QStringLiteral("permission-denied");
    case ErrorCode::ToolMissing: return QStringLiteral("tool-missing");
    case ErrorCode::DiskFull: return QStringLiteral("disk-full");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already-exists");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::InvalidInput: return QStringLiteral("invalid-input");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::ServerError: return QStringLiteral("server-error");
    case ErrorCode::IoError: return QStringLiteral("io-error");
    case ErrorCode::KeychainUnavailable: return QStringLiteral("keychain-unavailable");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace PgVault
