// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FirstPaintProbe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace rapport::ui {

FirstPaintProbe::FirstPaintProbe(const QElapsedTimer& sinceStart, QWidget* watched)
    : QObject(watched)
    , m_sinceStart(sinceStart)
{
    watched->installEventFilter(this);
}

FirstPaintProbe::~FirstPaintProbe() = default;

bool FirstPaintProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        // Report once this paint has finished: the next turn of the event loop.
        QTimer::singleShot(0, this, [this] {
            std::printf("first paint after %lld ms, resident memory %.1f MB\n",
                        static_cast<long long>(m_sinceStart.elapsed()),
                        static_cast<double>(residentMemoryBytes()) / (1024.0 * 1024.0));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

qint64 residentMemoryBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

} // namespace rapport::ui
