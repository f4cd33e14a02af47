// SPDX-License-Identifier: GPL-3.0-or-later
// A date-time typed as text ("2026-05-01 14:30", "today 14:00", "yesterday") in local time, with a
// calendar popup and Up/Down stepping the part under the cursor.
#pragma once

#include <QDateTime>
#include <QLineEdit>
#include <optional>

class QCalendarWidget;

namespace rapport::ui {

class DateTimeField : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateTimeField)

public:
    explicit DateTimeField(QWidget* parent = nullptr);
    ~DateTimeField() override;

    void setDateTime(const QDateTime& moment);
    // The moment typed, in local time; nullopt when the text is not a date-time this field reads.
    std::optional<QDateTime> dateTime() const;
    // What this field reads, for error messages.
    static QString acceptedForms();
    // Parses `text` as this field does; "today" and "yesterday" are relative to `now` (local time).
    static std::optional<QDateTime> parse(const QString& text, const QDateTime& now);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void step(int delta);
    void showCalendar();

    // The exact moment last set and its text: keeps the seconds of a prefilled "now" when the text
    // is left alone, so a conversation logged just now sorts after one logged a few seconds earlier.
    QDateTime m_shown;
    QString m_shownText;
    QCalendarWidget* m_calendar = nullptr;
};

} // namespace rapport::ui
