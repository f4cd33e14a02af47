// SPDX-License-Identifier: GPL-3.0-or-later
// Measures cold start: reports the time from process start to the first painted Today page and the
// resident memory at that moment, then quits. Behind `rapport --quit-after-first-paint`, for the benchmark.
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace rapport::ui {

class FirstPaintProbe : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstPaintProbe)

public:
    // `sinceStart` was started when the process began; `watched` is the widget whose first paint counts.
    FirstPaintProbe(const QElapsedTimer& sinceStart, QWidget* watched);
    ~FirstPaintProbe() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QElapsedTimer m_sinceStart;
    bool m_reported = false;
};

// Resident set size of this process in bytes (0 where /proc is unavailable).
qint64 residentMemoryBytes();

} // namespace rapport::ui
