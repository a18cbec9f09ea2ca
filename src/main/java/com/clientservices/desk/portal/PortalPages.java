package com.clientservices.desk.portal;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.identity.CurrentUser;
import com.clientservices.desk.identity.DeskGroups;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.refusal.FieldProblem;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.refusal.NotFound;
import com.clientservices.desk.refusal.Refusal;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.sla.BusinessCalendar;
import com.clientservices.desk.ticket.Attaching;
import com.clientservices.desk.ticket.EmergencyCriterion;
import com.clientservices.desk.ticket.Ticket;
import com.clientservices.desk.ticket.TicketIntake;
import com.clientservices.desk.ticket.TicketQueries;
import com.clientservices.desk.ticket.TicketWork;
import com.clientservices.desk.web.PageRefusals;
import com.clientservices.desk.words.DeskTime;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer's pages; every rule is the API's (same intake, same access, same replies). */
@Controller
class PortalPages {

    private final TicketIntake intake;
    private final TicketQueries queries;
    private final TicketWork work;
    private final Attaching attaching;
    private final TicketPage ticketPage;
    private final Members members;
    private final RequestTypeCatalogue requestTypes;
    private final BusinessCalendar calendar;
    private final DeskClock clock;
    private final DeskTime time;

    PortalPages(
            TicketIntake intake,
            TicketQueries queries,
            TicketWork work,
            Attaching attaching,
            TicketPage ticketPage,
            Members members,
            RequestTypeCatalogue requestTypes,
            BusinessCalendar calendar,
            DeskClock clock,
            DeskTime time) {
        this.intake = intake;
        this.queries = queries;
        this.work = work;
        this.attaching = attaching;
        this.ticketPage = ticketPage;
        this.members = members;
        this.requestTypes = requestTypes;
        this.calendar = calendar;
        this.clock = clock;
        this.time = time;
    }

    /** Everyone lands where their work is. */
    @GetMapping("/")
    String home() {
        var user = CurrentUser.get();
        if (user.in(DeskGroups.CUSTOMERS)) {
            return "redirect:/portal";
        }
        return user.in(DeskGroups.AUDITORS) ? "redirect:/audit" : "redirect:/camunda/app/tasklist/";
    }

    @GetMapping("/portal")
    String tickets(Model model) {
        var tickets = queries.visibleTo(CurrentUser.get(), null, 0, 200);
        model.addAttribute("tickets", tickets);
        model.addAttribute("next", ticketPage.next(tickets));
        model.addAttribute("page", this);
        return "portal/tickets";
    }

    @GetMapping("/portal/new")
    String newRequest(Model model) {
        var form = new RequestForm();
        var mine = members.contactOf(CurrentUser.get().id());
        if (mine.size() == 1) {
            form.setMemberId(mine.get(0).id());
        }
        return form(model, form, List.of());
    }

    @PostMapping("/portal/new")
    String submit(
            @ModelAttribute("form") RequestForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model)
            throws IOException {
        try {
            var ticket = intake.submit(form.toRequest(), CurrentUser.get(), files);
            return "redirect:/portal/tickets/" + ticket.key() + "?submitted";
        } catch (NotAllowed e) {
            throw PageRefusals.toPage(e);
        } catch (Refusal e) {
            // A browser cannot be given files back: the page says to choose them again.
            model.addAttribute(
                    "filesChosen", files != null && files.stream().anyMatch(file -> file != null && !file.isEmpty()));
            return form(model, form, e.problems());
        }
    }

    @GetMapping("/portal/tickets/{key}")
    String ticket(@PathVariable String key, Model model) {
        model.addAttribute("ticket", ticketPage.of(readable(key)));
        return "portal/ticket";
    }

    /** The thanks say what the reply did, which the status before it decides (docs/specification.md §5). */
    @PostMapping("/portal/tickets/{key}/replies")
    String reply(
            @PathVariable String key, @RequestParam(required = false) String message, RedirectAttributes redirect) {
        var before = readable(key).status();
        try {
            work.reply(key, message, CurrentUser.get());
            redirect.addFlashAttribute(
                    "notice",
                    switch (before) {
                        case WAITING_ON_CUSTOMER -> "Thank you, your answer is with the team.";
                        case CLOSED -> "Thank you, " + key + " is open again and the team is picking it up.";
                        default -> "Thank you, your information is added to the ticket and the team is told.";
                    });
        } catch (NotAllowed | NotFound e) {
            throw PageRefusals.toPage(e);
        } catch (Refusal e) {
            refusedBelowTheForm(e, "Your message ", redirect);
            // Kept, so that a refused reply need not be typed again.
            redirect.addFlashAttribute("draft", message);
        }
        return "redirect:/portal/tickets/" + key;
    }

    /** A refusal the customer can put right, shown on the ticket's page: the first field's problem, or the reason. */
    private static void refusedBelowTheForm(Refusal e, String subject, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "error",
                e.problems().isEmpty()
                        ? e.getMessage()
                        : subject + e.problems().get(0).message());
    }

    @PostMapping("/portal/tickets/{key}/attachments")
    String attach(
            @PathVariable String key,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            var stored = attaching.attach(key, file, CurrentUser.get());
            redirect.addFlashAttribute("notice", stored.fileName() + " is attached.");
        } catch (NotAllowed | NotFound e) {
            throw PageRefusals.toPage(e);
        } catch (Refusal e) {
            refusedBelowTheForm(e, "The file ", redirect);
        }
        return "redirect:/portal/tickets/" + key;
    }

    /** How the portal writes a time: as the desk shows every time ({@link DeskTime}). */
    public String shown(OffsetDateTime at) {
        return time.at(at);
    }

    private String form(Model model, RequestForm form, List<FieldProblem> problems) {
        var errors = new HashMap<String, String>();
        problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b));
        var now = clock.now();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("members", members.contactOf(CurrentUser.get().id()));
        model.addAttribute("requestTypes", requestTypes.all());
        model.addAttribute("criteria", EmergencyCriterion.values());
        model.addAttribute("standardDue", shown(calendar.acknowledgeBy(now, false)));
        model.addAttribute("emergencyDue", shown(calendar.acknowledgeBy(now, true)));
        return "portal/new";
    }

    private Ticket readable(String key) {
        try {
            return queries.readable(key, CurrentUser.get());
        } catch (Refusal e) {
            throw PageRefusals.toPage(e);
        }
    }
}
