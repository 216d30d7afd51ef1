package io.nurture.simulation;

import java.util.Map;

import io.nurture.campaign.CampaignMessages;
import io.nurture.channel.SuppressionReason;
import io.nurture.contact.Contact;
import io.nurture.contact.LifecycleStage;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.ScoreQualification;
import io.nurture.lifecycle.StageRole;

/**
 * What happens to the simulated contact as Nurture would do it: an event's points and the move to MQL when they
 * cross the threshold or the routing table sends the lead to an SDR, a stage move that ends campaigns on the
 * qualified stage, and how campaigns hear of opens, clicks, unsubscribes, bounces and purchases
 * ({@code campaign.CampaignReactions}, {@code campaign.WelcomeCampaign}).
 */
final class ContactLife {

    private final Funnel funnel;
    private final ScoreQualification qualification;
    private final SimulatedDecisions decisions;

    ContactLife(Funnel funnel, ScoreQualification qualification, SimulatedDecisions decisions) {
        this.funnel = funnel;
        this.qualification = qualification;
        this.decisions = decisions;
    }

    /** A scripted or reactive event: points, routing, then the messages the campaigns listen for. */
    void event(Run run, String type, Map<String, Object> properties, Integer email) {
        String about = email == null ? "" : " (e-mail " + email + ")";
        run.record("behaviour", null, null, type + about);
        int points = decisions.pointsFor(type, properties, run.pageViewsBefore());
        if ("page_view".equals(type)) {
            run.viewedPage();
        }
        if (points != 0) {
            addPoints(run, points, "event " + type);
        }
        String toSdr = decisions.straightToSdr(type, run.contact().source());
        if (toSdr != null && qualification.canBecomeMql(run.contact())) {
            moveTo(run, funnel.require(StageRole.QUALIFIED), toSdr);
        }
        Contact contact = run.contact();
        switch (type) {
            case "email_opened" -> run.afterStep(CampaignMessages.ENGAGED);
            case "email_clicked" -> {
                boolean latest = email == null || run.email(email).map(Run.Sent::step)
                        .filter(step -> step.equals(run.latestEmailStep())).isPresent();
                if (latest) {
                    run.afterStep(CampaignMessages.CLICKED);
                }
                run.afterStep(CampaignMessages.ENGAGED);
            }
            case "unsubscribed" -> {
                run.contact(copy(contact, contact.lifecycleStage(), true, contact.disqualified()));
                run.afterStep(CampaignMessages.UNSUBSCRIBED);
            }
            case "email_bounced" -> {
                if ("hard".equals(properties.getOrDefault("bounceType", "hard"))) {
                    run.suppress(SuppressionReason.HARD_BOUNCE);
                    run.afterStep(CampaignMessages.HARD_BOUNCED);
                }
            }
            case "email_complained" -> {
                run.suppress(SuppressionReason.COMPLAINT);
                run.afterStep(CampaignMessages.SUPPRESSED);
            }
            case "purchase" -> run.afterStep(CampaignMessages.PURCHASED);
            default -> {
            }
        }
    }

    /** Behaviour points from an event or an "Update score" step; an MQL when they cross the threshold. */
    void addPoints(Run run, int points, String reason) {
        Contact before = run.contact();
        Contact after = before.withScores(before.behaviourScore() + points, before.fitScore());
        run.contact(after);
        run.record("score", null, null, (points > 0 ? "+" : "") + points + " behaviour (" + reason + "): score "
                + before.score() + " → " + after.score());
        if (qualification.canBecomeMql(after) && decisions.qualifies(after.score(), after.fitScore())
                && !decisions.qualifies(before.score(), before.fitScore())) {
            moveTo(run, funnel.require(StageRole.QUALIFIED), "Score " + after.score() + " (fit "
                    + after.fitScore() + ") reached the MQL threshold");
        }
    }

    void moveTo(Run run, LifecycleStage stage, String reason) {
        Contact before = run.contact();
        if (before.lifecycleStage().equals(stage)) {
            return;
        }
        run.contact(copy(before, stage, before.unsubscribed(), before.disqualified()));
        run.record("stage", null, null, before.lifecycleStage().name() + " → " + stage.name() + ": " + reason);
        if (funnel.isAtLeast(stage, funnel.require(StageRole.QUALIFIED))) {
            run.afterStep(CampaignMessages.QUALIFIED);
        }
    }

    void disqualify(Run run, String reason) {
        Contact before = run.contact();
        run.contact(copy(before, before.lifecycleStage(), before.unsubscribed(), true));
        run.record("stage", null, null, "disqualified" + (reason == null ? "" : ": " + reason));
    }

    Funnel funnel() {
        return funnel;
    }

    private static Contact copy(Contact c, LifecycleStage stage, boolean unsubscribed, boolean disqualified) {
        return new Contact(c.id(), c.email(), c.firstName(), c.lastName(), c.company(), c.industry(),
                c.companySize(), c.country(), c.source(), c.phone(), c.consentEmail(), c.consentSms(), stage,
                c.behaviourScore(), c.fitScore(), unsubscribed, disqualified, c.disqualifiedReason(), c.createdAt(),
                c.updatedAt(), c.revenue(), c.techStack(), c.funding(), c.lastEngagedAt());
    }
}
