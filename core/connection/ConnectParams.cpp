#include "ConnectParams.h"

namespace PgVault {

ConnectParams::ConnectParams(const ConnInfo &info, const std::optional<QString> &password)
{
    const auto options = info.options();
    m_storage.reserve(2 * (options.size() + 3));
    for (const auto &[keyword, value] : options) {
        if (password && keyword == QLatin1String("password"))
            continue;
        add(keyword, value);
    }
    if (password)
        add(QStringLiteral("password"), *password);
    if (!info.contains(QStringLiteral("client_encoding")))
        add(QStringLiteral("client_encoding"), QStringLiteral("UTF8"));
    if (!info.contains(QStringLiteral("fallback_application_name")))
        add(QStringLiteral("fallback_application_name"), QStringLiteral("pgvault"));

    // QByteArrayList has stopped growing, so the pointers into it stay valid.
    for (qsizetype i = 0; i + 1 < m_storage.size(); i += 2) {
        m_keywordPtrs.push_back(m_storage.at(i).constData());
        m_valuePtrs.push_back(m_storage.at(i + 1).constData());
    }
    m_keywordPtrs.push_back(nullptr);
    m_valuePtrs.push_back(nullptr);
}

void ConnectParams::add(const QString &keyword, const QString &value)
{
    m_storage.append(keyword.toUtf8());
    m_storage.append(value.toUtf8());
}

} // namespace PgVault
