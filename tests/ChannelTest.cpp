// SPDX-License-Identifier: GPL-3.0-or-later
// The closed vocabularies of the model: channels, directions, contact method kinds (with the
// normalization and validation of their values) and trust note kinds.
#include "core/model/Channel.h"

#include "core/model/Contact.h"
#include "core/model/ContactMethod.h"
#include "core/model/TrustNote.h"
#include "tests/support/TestSupport.h"

using namespace rapport;

TEST_CASE("Every channel round-trips through its name", "[model][channel]")
{
    const QStringList names = channelNames();
    REQUIRE(names.size() == channelCount);
    for (int i = 0; i < channelCount; ++i) {
        const Channel channel = allChannels[static_cast<size_t>(i)];
        CAPTURE(i);
        CHECK(names.at(i) == channelName(channel));
        CHECK(parseChannel(channelName(channel)) == channel);
        CHECK(channelFromKey(channelName(channel).toLatin1().constData()) == channel);
    }
    CHECK(names == QStringList{QStringLiteral("email"), QStringLiteral("call"), QStringLiteral("meeting"),
                               QStringLiteral("forum"), QStringLiteral("chat"), QStringLiteral("social"),
                               QStringLiteral("event"), QStringLiteral("other")});
}

TEST_CASE("Parsing a channel ignores case and surrounding spaces and rejects unknown words",
          "[model][channel]")
{
    CHECK(parseChannel(QStringLiteral("  Meeting ")) == Channel::Meeting);
    CHECK(parseChannel(QStringLiteral("EMAIL")) == Channel::Email);
    CHECK_FALSE(parseChannel(QStringLiteral("fax")).has_value());
    CHECK_FALSE(parseChannel(QString()).has_value());
    CHECK_FALSE(parseChannel(QStringLiteral("e mail")).has_value());
}

TEST_CASE("Stored channel keys are parsed exactly, without allocation tricks", "[model][channel]")
{
    CHECK(channelFromKey("social") == Channel::Social);
    CHECK_FALSE(channelFromKey("Social").has_value());
    CHECK_FALSE(channelFromKey("").has_value());
    CHECK_FALSE(channelFromKey(nullptr).has_value());
}

TEST_CASE("Every direction round-trips through its name", "[model][channel]")
{
    const QStringList names = directionNames();
    REQUIRE(names.size() == directionCount);
    CHECK(names ==
          QStringList{QStringLiteral("outbound"), QStringLiteral("inbound"), QStringLiteral("mutual")});
    for (const Direction direction : {Direction::Outbound, Direction::Inbound, Direction::Mutual}) {
        CHECK(parseDirection(directionName(direction)) == direction);
        CHECK(directionFromKey(directionName(direction).toLatin1().constData()) == direction);
    }
    CHECK(parseDirection(QStringLiteral(" INBOUND")) == Direction::Inbound);
    CHECK_FALSE(parseDirection(QStringLiteral("sideways")).has_value());
    CHECK_FALSE(directionFromKey("Mutual").has_value());
    CHECK_FALSE(directionFromKey(nullptr).has_value());
}

TEST_CASE("Every contact method kind round-trips through its name", "[model][method]")
{
    const QStringList names = methodKindNames();
    REQUIRE(names.size() == methodKindCount);
    for (int i = 0; i < methodKindCount; ++i) {
        const auto kind = static_cast<MethodKind>(i);
        CAPTURE(i);
        CHECK(names.at(i) == methodKindName(kind));
        CHECK(parseMethodKind(methodKindName(kind)) == kind);
        CHECK(parseMethodKind(methodKindName(kind).toUpper()) == kind);
    }
    CHECK(methodKindName(MethodKind::X) == QStringLiteral("x"));
    CHECK(methodKindName(MethodKind::GitHub) == QStringLiteral("github"));
}

TEST_CASE("Method kinds accept common aliases and reject unknown services", "[model][method]")
{
    CHECK(parseMethodKind(QStringLiteral("twitter")) == MethodKind::X);
    CHECK(parseMethodKind(QStringLiteral("Mail")) == MethodKind::Email);
    CHECK(parseMethodKind(QStringLiteral("e-mail")) == MethodKind::Email);
    CHECK(parseMethodKind(QStringLiteral("web")) == MethodKind::Website);
    CHECK(parseMethodKind(QStringLiteral("url")) == MethodKind::Website);
    CHECK(parseMethodKind(QStringLiteral("tel")) == MethodKind::Phone);
    CHECK(parseMethodKind(QStringLiteral("telephone")) == MethodKind::Phone);
    CHECK(parseMethodKind(QStringLiteral(" mobile ")) == MethodKind::Phone);
    CHECK_FALSE(parseMethodKind(QStringLiteral("myspace")).has_value());
    CHECK_FALSE(parseMethodKind(QString()).has_value());
}

TEST_CASE("Emails are normalized to trimmed lower case", "[model][method]")
{
    CHECK(normalizeMethodValue(MethodKind::Email, QStringLiteral("  Ana.Lima@Example.COM ")) ==
          QStringLiteral("ana.lima@example.com"));
}

TEST_CASE("Phone numbers are normalized to their digits, keeping a leading plus", "[model][method]")
{
    CHECK(normalizeMethodValue(MethodKind::Phone, QStringLiteral("+1 (555) 010-9999")) ==
          QStringLiteral("+15550109999"));
    CHECK(normalizeMethodValue(MethodKind::Phone, QStringLiteral("030 / 1234 56")) ==
          QStringLiteral("030123456"));
    CHECK(normalizeMethodValue(MethodKind::Phone, QStringLiteral("+")) == QString());
    CHECK(normalizeMethodValue(MethodKind::Phone, QStringLiteral("call me")) == QString());
}

TEST_CASE("Websites are normalized without scheme, www and trailing slashes", "[model][method]")
{
    CHECK(normalizeMethodValue(MethodKind::Website, QStringLiteral("HTTPS://www.Example.org/")) ==
          QStringLiteral("example.org"));
    CHECK(normalizeMethodValue(MethodKind::Website, QStringLiteral("http://example.org/blog//")) ==
          QStringLiteral("example.org/blog"));
    CHECK(normalizeMethodValue(MethodKind::Website, QStringLiteral("example.org")) ==
          QStringLiteral("example.org"));
}

TEST_CASE("Handles are normalized to lower case without leading at signs", "[model][method]")
{
    CHECK(normalizeMethodValue(MethodKind::GitHub, QStringLiteral(" @Octo-Cat ")) ==
          QStringLiteral("octo-cat"));
    CHECK(normalizeMethodValue(MethodKind::X, QStringLiteral("@@Someone")) == QStringLiteral("someone"));
    CHECK(normalizeMethodValue(MethodKind::Mastodon, QStringLiteral("@ana@social.example")) ==
          QStringLiteral("ana@social.example"));
    CHECK(normalizeMethodValue(MethodKind::Discord, QStringLiteral("@")) == QString());
}

TEST_CASE("Valid method values pass validation", "[model][method]")
{
    CHECK(validateMethodValue(MethodKind::Email, QStringLiteral(" ana@example.com ")).isEmpty());
    CHECK(validateMethodValue(MethodKind::Phone, QStringLiteral("+1 555 0100")).isEmpty());
    CHECK(validateMethodValue(MethodKind::GitHub, QStringLiteral("@octocat")).isEmpty());
    CHECK(validateMethodValue(MethodKind::Website, QStringLiteral("https://example.org/")).isEmpty());
}

TEST_CASE("Invalid method values are explained, quoting the value", "[model][method]")
{
    CHECK(validateMethodValue(MethodKind::Email, QStringLiteral("   ")) == QStringLiteral("is empty"));
    CHECK(validateMethodValue(MethodKind::GitHub, QString()) == QStringLiteral("is empty"));
    for (const QString& bad : {QStringLiteral("ana"), QStringLiteral("ana@"), QStringLiteral("ana@example"),
                               QStringLiteral("ana@@example.com"), QStringLiteral("an a@example.com")}) {
        CAPTURE(bad);
        const QString problem = validateMethodValue(MethodKind::Email, bad);
        CHECK(problem.startsWith(QStringLiteral("not an email address")));
        CHECK(problem.contains(bad));
    }
    CHECK(validateMethodValue(MethodKind::Phone, QStringLiteral("12")) ==
          QStringLiteral("not a phone number: '12'"));
    CHECK(validateMethodValue(MethodKind::X, QStringLiteral("@@")) == QStringLiteral("not a x handle: '@@'"));
    CHECK(validateMethodValue(MethodKind::Slack, QStringLiteral("two\nlines")) ==
          QStringLiteral("a handle cannot span lines"));
}

TEST_CASE("A contact's display name falls back to its name parts", "[model][contact]")
{
    Contact contact;
    contact.givenName = QStringLiteral(" Ana ");
    contact.familyName = QStringLiteral("Lima ");
    CHECK(contact.effectiveDisplayName() == QStringLiteral("Ana Lima"));
    contact.familyName.clear();
    CHECK(contact.effectiveDisplayName() == QStringLiteral("Ana"));
    contact.displayName = QStringLiteral("  Dr. Lima ");
    CHECK(contact.effectiveDisplayName() == QStringLiteral("Dr. Lima"));
    CHECK(Contact{}.effectiveDisplayName().isEmpty());
}

TEST_CASE("Every trust kind round-trips through its key and has a label", "[model][trust]")
{
    const QStringList names = trustKindNames();
    REQUIRE(names.size() == trustKindCount);
    for (int i = 0; i < trustKindCount; ++i) {
        const auto kind = static_cast<TrustKind>(i);
        CAPTURE(i);
        CHECK(names.at(i) == trustKindName(kind));
        CHECK(parseTrustKind(trustKindName(kind)) == kind);
        CHECK(parseTrustKind(trustKindLabel(kind)) == kind);
    }
    CHECK(trustKindName(TrustKind::CommitmentKept) == QStringLiteral("commitment_kept"));
    CHECK(trustKindLabel(TrustKind::SharedValue) == QStringLiteral("Shared value"));
}

TEST_CASE("Trust kinds accept spaces, dashes and any case", "[model][trust]")
{
    CHECK(parseTrustKind(QStringLiteral("Commitment kept")) == TrustKind::CommitmentKept);
    CHECK(parseTrustKind(QStringLiteral("commitment-broken")) == TrustKind::CommitmentBroken);
    CHECK(parseTrustKind(QStringLiteral("  SHARED VALUE ")) == TrustKind::SharedValue);
    CHECK(parseTrustKind(QStringLiteral("boundary")) == TrustKind::Boundary);
    CHECK_FALSE(parseTrustKind(QStringLiteral("gossip")).has_value());
    CHECK_FALSE(parseTrustKind(QString()).has_value());
}
