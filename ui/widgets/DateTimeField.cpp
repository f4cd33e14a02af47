// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/DateTimeField.h"

#include "core/base/Clock.h"

#include <QAction>
#include <QCalendarWidget>
#include <QKeyEvent>
#include <QRegularExpression>

namespace rapport::ui {

namespace {
const QString displayFormat = QStringLiteral("yyyy-MM-dd HH:mm");
}

DateTimeField::DateTimeField(QWidget* parent)
    : QLineEdit(parent)
{
    setPlaceholderText(tr("YYYY-MM-DD HH:MM"));
    setToolTip(tr("Type %1. Up and Down step the part under the cursor.").arg(acceptedForms()));
    QAction* pick =
        addAction(QIcon(QStringLiteral(":/icons/channel-event.svg")), QLineEdit::TrailingPosition);
    pick->setToolTip(tr("Pick a day from a calendar"));
    connect(pick, &QAction::triggered, this, &DateTimeField::showCalendar);
}

DateTimeField::~DateTimeField() = default;

void DateTimeField::setDateTime(const QDateTime& moment)
{
    m_shown = moment;
    m_shownText = moment.toString(displayFormat);
    setText(m_shownText);
}

std::optional<QDateTime> DateTimeField::dateTime() const
{
    if (text() == m_shownText && m_shown.isValid())
        return m_shown;
    return parse(text(), Clock::nowUtc().toLocalTime());
}

QString DateTimeField::acceptedForms()
{
    return tr("a date and time as YYYY-MM-DD HH:MM (e.g. 2026-05-01 14:30), a date alone (00:00), "
              "or \"today 14:00\" / \"yesterday\"");
}

std::optional<QDateTime> DateTimeField::parse(const QString& text, const QDateTime& now)
{
    static const QRegularExpression form(
        QStringLiteral("^(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})|(today|yesterday))(?:[ T]+(\\d{1,2}):(\\d{2}))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = form.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    QDate date;
    if (match.hasCaptured(4))
        date = now.date().addDays(
            match.captured(4).compare(QLatin1String("yesterday"), Qt::CaseInsensitive) == 0 ? -1 : 0);
    else
        date = QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const QTime time =
        match.hasCaptured(5) ? QTime(match.captured(5).toInt(), match.captured(6).toInt()) : QTime(0, 0);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time);
}

void DateTimeField::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) {
        step(event->key() == Qt::Key_Up ? 1 : -1);
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void DateTimeField::step(int delta)
{
    const std::optional<QDateTime> current = dateTime();
    if (!current)
        return;
    // Positions in "yyyy-MM-dd HH:mm": year 0–4, month 5–7, day 8–10, hour 11–13, minute 14–16.
    const int position = text() == current->toString(displayFormat) ? cursorPosition() : 8;
    QDateTime stepped;
    if (position <= 4)
        stepped = current->addYears(delta);
    else if (position <= 7)
        stepped = current->addMonths(delta);
    else if (position <= 10)
        stepped = current->addDays(delta);
    else if (position <= 13)
        stepped = current->addSecs(3600 * delta);
    else
        stepped = current->addSecs(60 * delta);
    setDateTime(stepped);
    setCursorPosition(position);
}

void DateTimeField::showCalendar()
{
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setWindowFlags(Qt::Popup);
        connect(m_calendar, &QCalendarWidget::clicked, this, [this](QDate date) {
            const QDateTime current = dateTime().value_or(Clock::nowUtc().toLocalTime());
            setDateTime(QDateTime(date, QTime(current.time().hour(), current.time().minute())));
            m_calendar->hide();
            setFocus();
        });
    }
    m_calendar->setSelectedDate(dateTime().value_or(Clock::nowUtc().toLocalTime()).date());
    m_calendar->move(mapToGlobal(QPoint(0, height())));
    m_calendar->show();
}

} // namespace rapport::ui
