// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/DeferredRefresh.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace rapport::ui {

DeferredRefresh::DeferredRefresh(QWidget* page, std::function<void()> refresh)
    : QObject(page)
    , m_page(page)
    , m_refresh(std::move(refresh))
{
    page->installEventFilter(this);
}

void DeferredRefresh::schedule()
{
    if (!m_page->isVisible()) {
        m_stale = true;
        return;
    }
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_pending)
            run();
    });
}

void DeferredRefresh::markFresh()
{
    m_pending = false;
    m_stale = false;
}

bool DeferredRefresh::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_page && event->type() == QEvent::Show && m_stale)
        run();
    return QObject::eventFilter(watched, event);
}

void DeferredRefresh::run()
{
    markFresh();
    m_refresh();
}

} // namespace rapport::ui
