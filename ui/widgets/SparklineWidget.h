// SPDX-License-Identifier: GPL-3.0-or-later
// A small line of values (a contact's weekly score), drawn without axes.
#pragma once

#include <QList>
#include <QWidget>

namespace rapport::ui {

class SparklineWidget : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineWidget)

public:
    explicit SparklineWidget(QWidget* parent = nullptr);
    ~SparklineWidget() override;

    // Values on a 0..100 scale; NaN marks weeks without a score.
    void setValues(const QList<double>& values);
    QSize sizeHint() const override { return {160, 36}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<double> m_values;
};

} // namespace rapport::ui
