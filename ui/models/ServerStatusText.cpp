#include "ServerStatusText.h"

namespace PgVault {

QString ServerStatusText::label(ServerStatus status)
{
    switch (status) {
    case ServerStatus::Unknown: return tr("Not checked yet");
    case ServerStatus::Connecting: return tr("Connecting…");
    case ServerStatus::Ok: return tr("Connected");
    case ServerStatus::Warnings: return tr("Connected, with warnings");
    case ServerStatus::Unreachable: return tr("Not reachable");
    }
    return QString();
}

QColor ServerStatusText::color(ServerStatus status)
{
    switch (status) {
    case ServerStatus::Unknown: return QColor(0x9e, 0x9e, 0x9e);
    case ServerStatus::Connecting: return QColor(0xe6, 0x9b, 0x00);
    case ServerStatus::Ok: return QColor(0x2e, 0x9d, 0x3a);
    case ServerStatus::Warnings: return QColor(0xe6, 0x9b, 0x00);
    case ServerStatus::Unreachable: return QColor(0xd3, 0x2f, 0x2f);
    }
    return QColor();
}

} // namespace PgVault
