// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/ContactEditDialog.h"

#include "core/model/DayRange.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <cmath>

namespace rapport::ui {

ContactEditDialog::ContactEditDialog(DatabaseSession& session, const Contact& contact, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_original(contact)
    , m_name(new QLineEdit(contact.effectiveDisplayName(), this))
    , m_organization(new QLineEdit(contact.organization, this))
    , m_title(new QLineEdit(contact.title, this))
    , m_methods(new QPlainTextEdit(formatMethods(contact.methods), this))
    , m_tags(new QLineEdit(contact.tags.join(QStringLiteral(", ")), this))
    , m_owner(new QComboBox(this))
    , m_cadence(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(contact.id > 0 ? tr("Edit %1").arg(contact.effectiveDisplayName()) : tr("New contact"));
    m_methods->setPlaceholderText(
        tr("One per line, e.g.\nemail: ada@example.org\nforum: ada_l\nx: @ada\nphone: "
           "+44 20 7946 0000"));
    m_methods->setTabChangesFocus(true);
    m_methods->setFixedHeight(m_methods->fontMetrics().lineSpacing() * 5 + 12);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. press, meetup-berlin"));
    m_owner->addItem(tr("Nobody"), 0);
    if (const Result<QList<TeamMember>> members = TeamMemberRepository(session.database()).list()) {
        for (const TeamMember& member : *members)
            m_owner->addItem(member.name, member.id);
    }
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(contact.ownerId.value_or(0))));
    m_cadence->setRange(0, static_cast<int>(maximumDays)); // 0 is the special value, not a cadence
    m_cadence->setSuffix(tr(" days"));
    m_cadence->setSpecialValueText(tr("Learn from the log"));
    m_cadence->setValue(contact.cadenceDays ? static_cast<int>(std::lround(*contact.cadenceDays)) : 0);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    // A stale error next to corrected input misleads; it comes back on the next Save if still true.
    connect(m_methods, &QPlainTextEdit::textChanged, m_error, &QWidget::hide);
    connect(m_name, &QLineEdit::textEdited, m_error, &QWidget::hide);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Organization:"), m_organization);
    form->addRow(tr("T&itle:"), m_title);
    form->addRow(tr("&Reach them at:"), m_methods);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("O&wner:"), m_owner);
    form->addRow(tr("Keep in touch &every:"), m_cadence);
    layOutEditDialog(*this, form, m_error);
    setMinimumWidth(520);
    m_name->setFocus();
}

ContactEditDialog::~ContactEditDialog() = default;

Result<QList<ContactMethod>> ContactEditDialog::parseMethods(const QString& text)
{
    QList<ContactMethod> methods;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const std::optional<MethodKind> kind = colon > 0 ? parseMethodKind(line.left(colon)) : std::nullopt;
        if (!kind)
            return Error::badInput(tr("Reach them at, line %1: start with one of %2 and a colon, e.g. "
                                      "\"email: ada@example.org\"")
                                       .arg(i + 1)
                                       .arg(methodKindNames().join(QStringLiteral(", "))));
        const QString value = line.mid(colon + 1).trimmed();
        if (const QString problem = validateMethodValue(*kind, value); !problem.isEmpty())
            return Error::badInput(tr("Reach them at, line %1: %2").arg(i + 1).arg(problem));
        methods << ContactMethod{0, *kind, value, QString()};
    }
    return methods;
}

QString ContactEditDialog::formatMethods(const QList<ContactMethod>& methods)
{
    QStringList lines;
    for (const ContactMethod& method : methods)
        lines << QStringLiteral("%1: %2").arg(methodKindName(method.kind), method.value);
    return lines.join(QLatin1Char('\n'));
}

Contact ContactEditDialog::contact() const
{
    Contact contact = m_original;
    const QString name = m_name->text().trimmed();
    if (name != m_original.effectiveDisplayName()) {
        contact.displayName = name;
        contact.givenName = name.section(QLatin1Char(' '), 0, 0);
        contact.familyName = name.section(QLatin1Char(' '), 1);
    }
    contact.organization = m_organization->text().trimmed();
    contact.title = m_title->text().trimmed();
    if (const Result<QList<ContactMethod>> methods = parseMethods(m_methods->toPlainText()))
        contact.methods = *methods;
    contact.tags.clear();
    for (const QString& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            contact.tags << tag.trimmed();
    }
    const qint64 owner = m_owner->currentData().toLongLong();
    contact.ownerId = owner > 0 ? std::optional<qint64>(owner) : std::nullopt;
    contact.cadenceDays = m_cadence->value() > 0 ? std::optional<double>(m_cadence->value()) : std::nullopt;
    return contact;
}

void ContactEditDialog::accept()
{
    QString problem;
    if (const Result<QList<ContactMethod>> methods = parseMethods(m_methods->toPlainText()); !methods)
        problem = methods.error().message;
    else
        problem = ContactRepository::validationError(contact());
    if (problem.isEmpty()) {
        // The same email or handle on another contact would make them indistinguishable to imports.
        for (const ContactMethod& method : contact().methods) {
            const Result<std::optional<qint64>> owner =
                ContactRepository(m_session.database()).findByMethod(method.value, method.kind);
            if (owner && owner->has_value() && **owner != m_original.id) {
                problem = tr("%1 '%2' already belongs to another contact (id %3).")
                              .arg(methodKindName(method.kind), method.value)
                              .arg(**owner);
                break;
            }
        }
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
