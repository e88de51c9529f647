#include "JsonLinesOutput.h"

#include "Console.h"
#include "JsonLines.h"

#include <cmath>

namespace PgVault::Cli {

namespace {

QJsonValue knownOrNull(qint64 value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

JsonLinesOutput::JsonLinesOutput(Console &console, bool verbose)
    : m_console(console)
    , m_verbose(verbose)
{}

QJsonObject JsonLinesOutput::progressObject(const JobProgress &progress)
{
    const double fraction = progress.fraction();
    // One decimal is plenty, and keeps the numbers short and stable for readers.
    const QJsonValue percent = fraction < 0 ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(std::round(fraction * 1000.0) / 10.0);
    return {
            {QStringLiteral("event"), QStringLiteral("progress")},
            {QStringLiteral("phase"), progress.phase},
            {QStringLiteral("phaseLabel"), progress.phaseLabel},
            {QStringLiteral("bytesDone"), progress.bytesDone},
            {QStringLiteral("bytesTotal"), knownOrNull(progress.bytesTotal)},
            {QStringLiteral("itemsDone"), progress.itemsDone},
            {QStringLiteral("itemsTotal"), knownOrNull(progress.itemsTotal)},
            {QStringLiteral("currentItem"), progress.currentItem},
            {QStringLiteral("percent"), percent},
            {QStringLiteral("rate"), std::round(progress.bytesPerSecond)},
            {QStringLiteral("eta"), knownOrNull(progress.etaSeconds)},
    };
}

QString JsonLinesOutput::levelName(Job::MessageLevel level)
{
    switch (level) {
    case Job::MessageLevel::Info: return QStringLiteral("info");
    case Job::MessageLevel::Warning: return QStringLiteral("warning");
    case Job::MessageLevel::Error: return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

QString JsonLinesOutput::statusName(Job::State state)
{
    switch (state) {
    case Job::State::Succeeded: return JsonLines::succeeded();
    case Job::State::Cancelled: return JsonLines::cancelled();
    default: return JsonLines::failed();
    }
}

void JsonLinesOutput::progress(const JobProgress &progress)
{
    JsonLines::write(m_console, progressObject(progress));
}

void JsonLinesOutput::message(Job::MessageLevel level, const QString &text)
{
    JsonLines::write(m_console, {{QStringLiteral("event"), QStringLiteral("message")},
                                 {QStringLiteral("level"), levelName(level)},
                                 {QStringLiteral("text"), text}});
}

void JsonLinesOutput::finished(const Job &job)
{
    const Error *error = job.error() ? &*job.error() : nullptr;
    if (error)
        m_console.printError(*error, m_verbose);
    JsonLines::write(m_console,
                     JsonLines::result(statusName(job.state()), job.resultData(), error));
}

} // namespace PgVault::Cli
