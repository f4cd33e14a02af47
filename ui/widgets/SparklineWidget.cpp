// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/SparklineWidget.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace rapport::ui {

SparklineWidget::SparklineWidget(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(120, 30);
}

SparklineWidget::~SparklineWidget() = default;

void SparklineWidget::setValues(const QList<double>& values)
{
    m_values = values;
    update();
}

void SparklineWidget::paintEvent(QPaintEvent*)
{
    if (m_values.size() < 2)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(2, 3, -2, -3);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
    painter.drawLine(QPointF(area.left(), area.bottom() - area.height() / 2),
                     QPointF(area.right(), area.bottom() - area.height() / 2));
    QPainterPath path;
    bool drawing = false;
    QPointF last;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        if (std::isnan(m_values[i])) {
            drawing = false;
            continue;
        }
        const QPointF point(area.left() + area.width() * static_cast<double>(i) /
                                              static_cast<double>(m_values.size() - 1),
                            area.bottom() - area.height() * std::clamp(m_values[i], 0.0, 100.0) / 100.0);
        if (drawing)
            path.lineTo(point);
        else
            path.moveTo(point);
        drawing = true;
        last = point;
    }
    if (path.isEmpty())
        return;
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawPath(path);
    painter.setBrush(palette().color(QPalette::Highlight));
    painter.drawEllipse(last, 2.5, 2.5);
}

} // namespace rapport::ui
