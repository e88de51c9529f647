#include "ProgressText.h"

#include "framework/CliTr.h"

#include "common/Format.h"

#include <cmath>

namespace PgVault::Cli {

QString ProgressText::label(const JobProgress &progress)
{
    return progress.phaseLabel.isEmpty() ? progress.phase : progress.phaseLabel;
}

int ProgressText::wholePercent(const JobProgress &progress)
{
    const double fraction = progress.fraction();
    if (fraction < 0)
        return -1;
    return int(std::floor(fraction * 100.0));
}

QString ProgressText::percent(const JobProgress &progress)
{
    const int value = wholePercent(progress);
    return value < 0 ? QString() : Tr::tr("%1 %").arg(value);
}

QString ProgressText::amount(const JobProgress &progress)
{
    if (progress.bytesTotal > 0) {
        return Tr::tr("%1 of %2")
                .arg(formatBytes(progress.bytesDone), formatBytes(progress.bytesTotal));
    }
    if (progress.bytesDone > 0)
        return formatBytes(progress.bytesDone);
    if (progress.itemsTotal > 0)
        return Tr::tr("%1 of %2").arg(progress.itemsDone).arg(progress.itemsTotal);
    return QString();
}

QString ProgressText::rate(const JobProgress &progress)
{
    if (progress.bytesPerSecond <= 0)
        return QString();
    return formatRate(progress.bytesPerSecond);
}

QString ProgressText::eta(const JobProgress &progress)
{
    if (progress.etaSeconds < 0)
        return QString();
    return Tr::tr("ETA %1").arg(formatDuration(progress.etaSeconds));
}

} // namespace PgVault::Cli
