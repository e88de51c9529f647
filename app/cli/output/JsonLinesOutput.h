#pragma once

#include "JobRenderer.h"

#include <QJsonObject>

namespace PgVault::Cli {

// A Job as JSON lines on stdout (--json), one object per event:
//   {"event":"progress","phase":"dumping","phaseLabel":"Dumping “shop”","bytesDone":1024,
//    "bytesTotal":4096|null,"itemsDone":0,"itemsTotal":null,"currentItem":"",
//    "percent":25.0|null,"rate":1048576.0,"eta":3|null}
//   {"event":"message","level":"info"|"warning"|"error","text":"…"}
// and last exactly one {"event":"result","status":…} (see JsonLines) holding the job's
// resultData() fields on success and "error" otherwise. null means "unknown". A failure's
// message also goes to stderr, as in every mode (exit 1 always comes with a message there).
class JsonLinesOutput : public JobRenderer
{
public:
    JsonLinesOutput(Console &console, bool verbose);

    void progress(const JobProgress &progress) override;
    void message(Job::MessageLevel level, const QString &text) override;
    void finished(const Job &job) override;

    static QJsonObject progressObject(const JobProgress &progress);
    static QString levelName(Job::MessageLevel level);
    static QString statusName(Job::State state);

private:
    Console &m_console;
    bool m_verbose;
};

} // namespace PgVault::Cli
