#pragma once

#include "connection/ServerWarning.h"

#include <QColor>
#include <QFrame>

class QLabel;
class QPushButton;

namespace PgVault {

// One problem on the Overview page: what is wrong (and what it blocks), how to fix it, and the
// SQL that fixes it with a Copy button. Drawn as a softly tinted box, amber for warnings, red
// for critical problems, blue-grey for hints; tinted from the palette, so dark themes work too.
class ServerWarningWidget : public QFrame
{
    Q_OBJECT

public:
    explicit ServerWarningWidget(const ServerWarning &warning, QWidget *parent = nullptr);

    const ServerWarning &warning() const { return m_warning; }
    static QColor severityColor(ServerWarning::Severity severity);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ServerWarning m_warning;
};

} // namespace PgVault
