// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reminders/ReminderTrayIcon.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace rapport::ui {

namespace {

constexpr int iconSize = 64;

// The application icon with the count in a red disc at its corner; the plain icon for none.
QIcon badgedIcon(int count)
{
    const QIcon base = QApplication::windowIcon().isNull() ? QIcon(QStringLiteral(":/icons/rapport.svg"))
                                                           : QApplication::windowIcon();
    QPixmap pixmap = base.pixmap(iconSize, iconSize);
    if (count <= 0)
        return QIcon(pixmap);
    if (pixmap.isNull()) {
        pixmap = QPixmap(iconSize, iconSize);
        pixmap.fill(Qt::transparent);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF disc(iconSize * 0.4, 0, iconSize * 0.6, iconSize * 0.6);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xc6, 0x28, 0x28));
    painter.drawEllipse(disc);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(static_cast<int>(disc.height() * (count > 9 ? 0.5 : 0.7)));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(disc, Qt::AlignCenter, count > 99 ? QStringLiteral("99+") : QString::number(count));
    return QIcon(pixmap);
}

} // namespace

ReminderTrayIcon::ReminderTrayIcon(QObject* parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(new QSystemTrayIcon(this))
{
    m_menu->addAction(tr("&Show Rapport"), this, &ReminderTrayIcon::showRequested);
    m_menu->addAction(tr("&Today"), this, &ReminderTrayIcon::todayRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &ReminderTrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showRequested();
    });
    setDueToday(0);
}

ReminderTrayIcon::~ReminderTrayIcon() = default;

void ReminderTrayIcon::setDueToday(int count)
{
    if (count == m_dueToday)
        return;
    m_dueToday = count;
    m_tray->setIcon(badgedIcon(count));
    m_tray->setToolTip(toolTip());
}

QString ReminderTrayIcon::toolTip() const
{
    return m_dueToday > 0 ? tr("Rapport — %n follow-up(s) due today", nullptr, m_dueToday)
                          : tr("Rapport — no follow-ups due today");
}

} // namespace rapport::ui
