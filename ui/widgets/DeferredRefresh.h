// SPDX-License-Identifier: GPL-3.0-or-later
// Refreshes a page once for a burst of changes, and not at all while it is hidden: a change that comes
// while the page is hidden is applied when it is shown.
#pragma once

#include <QObject>
#include <functional>

class QWidget;

namespace rapport::ui {

class DeferredRefresh : public QObject
{
    Q_OBJECT

public:
    // refresh runs on page's thread; the object is a child of page and watches its show events.
    DeferredRefresh(QWidget* page, std::function<void()> refresh);

    // Asks for one refresh: now-ish (after the current burst of events) if the page is visible, else
    // when it is next shown.
    void schedule();
    // The page has just refreshed by other means: nothing is owed.
    void markFresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void run();

    QWidget* m_page;
    std::function<void()> m_refresh;
    bool m_pending = false;
    bool m_stale = false; // a change came while hidden
};

} // namespace rapport::ui
