package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.DeskClock;
import com.clientservices.desk.engine.ProcessVariables;
import com.clientservices.desk.identity.DeskUser;
import com.clientservices.desk.identity.Members;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes a customer's request: checks it, records the ticket and starts its {@code support-request}
 * process in one transaction, so that a ticket never exists without its process or the reverse.
 */
@Service
public class TicketIntake {

    static final String PROCESS_KEY = "support-request";

    private final TicketRepository tickets;
    private final Members members;
    private final TicketValidation validation;
    private final RuntimeService runtime;
    private final RequestTypeCatalogue requestTypes;
    private final DeskClock clock;
    private final Attaching attaching;

    TicketIntake(
            TicketRepository tickets,
            Members members,
            TicketValidation validation,
            RuntimeService runtime,
            RequestTypeCatalogue requestTypes,
            DeskClock clock,
            Attaching attaching) {
        this.attaching = attaching;
        this.requestTypes = requestTypes;
        this.clock = clock;
        this.tickets = tickets;
        this.members = members;
        this.validation = validation;
        this.runtime = runtime;
    }

    @Transactional
    public Ticket submit(NewTicket request, DeskUser contact) {
        return record(request, checked(request, contact), contact, List.of(), Channel.API);
    }

    /**
     * A request a contact sent by e-mail (docs/specification.md §12): the same checks and lifecycle as any
     * other, recorded as having come by e-mail; it joins the caller's transaction, which also records the mail.
     * The mail's files are stored before the lifecycle starts, as the portal's are, so a screenshot that came
     * with it is not asked for again; a refused file leaves the request standing and is named in the answer.
     */
    @Transactional
    public ByEmail submitByEmail(NewTicket request, DeskUser contact, List<MultipartFile> files) throws IOException {
        var member = checked(request, contact);
        var checked = attaching.checkEach(files);
        return new ByEmail(record(request, member, contact, checked.passed(), Channel.EMAIL), checked.refused());
    }

    /** The ticket an e-mail opened, and the files of the mail the desk did not take. */
    public record ByEmail(Ticket ticket, List<Attaching.FileRefusal> refused) {}

    /**
     * A request with the files its contact sends along (the portal's form): the files are checked after the request
     * and before anything is recorded, then stored with the ticket, so a refused file leaves no ticket behind and an
     * attached screenshot is not asked for again (docs/specification.md §4).
     */
    @Transactional
    public Ticket submit(NewTicket request, DeskUser contact, List<MultipartFile> files) throws IOException {
        var member = checked(request, contact);
        return record(request, member, contact, attaching.checkBeforeSubmission(files), Channel.PORTAL);
    }

    private Members.Member checked(NewTicket request, DeskUser contact) {
        var member = request.memberId() == null
                ? null
                : members.find(request.memberId()).orElse(null);
        // Another member's id and one that names no member are answered alike, so a contact cannot
        // find out which members exist (docs/specification.md §9: 403 for another member).
        var anotherMember = member == null
                ? request.memberId() != null && request.memberId() > 0
                : !members.isContact(member.id(), contact.id());
        if (anotherMember) {
            throw new NotAllowed(contact.id() + " is not a registered contact of member " + request.memberId()
                    + " and may not open tickets for it");
        }
        validation.check(request, member != null);
        return member;
    }

    private Ticket record(
            NewTicket request,
            Members.Member member,
            DeskUser contact,
            List<Attaching.Upload> uploads,
            Channel channel) {
        var submittedAt = clock.now();
        var id = tickets.insert(request, contact.id(), submittedAt, channel);
        var key = TicketKey.of(id);
        attaching.store(id, uploads, contact);
        // What the models read (routing input, the emergency gateway); the rest of the request is
        // the ticket's record, read by business key, never a writable copy in the process.
        var variables = new HashMap<String, Object>();
        ProcessVariables.REQUEST_TYPE.put(variables, request.requestType());
        ProcessVariables.EMERGENCY.put(variables, request.isEmergency());
        var missing = MissingInformation.of(
                tickets.find(id).orElseThrow(),
                requestTypes.find(request.requestType()).orElse(null),
                uploads.stream().anyMatch(Attaching.Upload::isImage));
        ProcessVariables.MISSING_INFORMATION.put(variables, missing.isEmpty() ? "none" : String.join(", ", missing));
        var instance = runtime.startProcessInstanceByKey(PROCESS_KEY, key, variables);
        tickets.updateProcessInstance(id, instance.getProcessInstanceId());
        return tickets.find(id).orElseThrow();
    }
}
