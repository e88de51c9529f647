#include "QueryParams.h"

#include <QDateTime>

namespace PgVault {

QueryParams::QueryParams(const QVariantList &params)
{
    m_storage.reserve(params.size());
    std::vector<bool> isNull;
    for (const QVariant &param : params) {
        // Qt 6's isNull() is false for a QVariant holding a null QString; we count that as NULL
        // too, as QueryResult does.
        const bool null
                = !param.isValid() || param.isNull()
                  || (param.typeId() == QMetaType::QString && param.toString().isNull())
                  || (param.typeId() == QMetaType::QByteArray && param.toByteArray().isNull());
        isNull.push_back(null);
        if (null) {
            m_storage.append(QByteArray());
        } else if (param.typeId() == QMetaType::Bool) {
            m_storage.append(param.toBool() ? QByteArrayLiteral("true")
                                            : QByteArrayLiteral("false"));
        } else if (param.typeId() == QMetaType::QByteArray) {
            m_storage.append(param.toByteArray());
        } else if (param.typeId() == QMetaType::QDateTime) {
            m_storage.append(param.toDateTime().toString(Qt::ISODateWithMs).toUtf8());
        } else {
            m_storage.append(param.toString().toUtf8());
        }
    }
    for (qsizetype i = 0; i < m_storage.size(); ++i)
        m_pointers.push_back(isNull[size_t(i)] ? nullptr : m_storage.at(i).constData());
}

} // namespace PgVault
