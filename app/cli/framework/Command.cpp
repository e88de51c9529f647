#include "Command.h"

namespace PgVault::Cli {

Command::~Command() = default;

QString Command::description() const
{
    return summary();
}

QString Command::synopsis() const
{
    QString text = name();
    if (!options().isEmpty())
        text += QStringLiteral(" [options]");
    const QList<Argument> args = arguments();
    for (const Argument &arg : args) {
        switch (arg.kind) {
        case Argument::Kind::Required: text += QLatin1Char(' ') + arg.name; break;
        case Argument::Kind::Optional: text += QStringLiteral(" [%1]").arg(arg.name); break;
        case Argument::Kind::Repeatable: text += QStringLiteral(" [%1]...").arg(arg.name); break;
        }
    }
    return text;
}

QList<Command::Argument> Command::arguments() const
{
    return {};
}

QList<QCommandLineOption> Command::options() const
{
    return {};
}

Status Command::parse(const Parsed &parsed)
{
    Q_UNUSED(parsed)
    return {};
}

} // namespace PgVault::Cli
