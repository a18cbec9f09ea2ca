package com.clientservices.desk.portal;

import com.clientservices.desk.ticket.NewTicket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The portal's request form as the browser posts it; lists and pairs are typed one per line. */
public class RequestForm {

    private Long memberId;
    private String requestType;
    private String subject;
    private String description;
    private String impact;
    private boolean emergency;
    private String emergencyPhone;
    private List<String> emergencyCriteria;
    private String objectIds;
    private String environment;
    private String stepsToReproduce;
    private String browser;
    private String operatingSystem;
    private String businessJustification;

    NewTicket toRequest() {
        return new NewTicket(
                memberId,
                requestType,
                subject,
                description,
                impact,
                emergency,
                blankToNull(emergencyPhone),
                emergencyCriteria == null || emergencyCriteria.isEmpty() ? null : emergencyCriteria,
                lines(objectIds),
                pairs(environment),
                blankToNull(stepsToReproduce),
                blankToNull(browser),
                blankToNull(operatingSystem),
                blankToNull(businessJustification));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[\\r\\n,]+"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    // "key=value" per line; a line without "=" keeps its text as the value of its own key.
    private static Map<String, String> pairs(String text) {
        var lines = lines(text);
        if (lines == null) {
            return null;
        }
        var pairs = new LinkedHashMap<String, String>();
        for (var line : lines) {
            var equals = line.indexOf('=');
            if (equals < 0) {
                pairs.put(line, "");
            } else {
                pairs.put(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 1).strip());
            }
        }
        return pairs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public String getRequestType() {
        return requestType;
    }

    public void setRequestType(String requestType) {
        this.requestType = requestType;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getImpact() {
        return impact;
    }

    public void setImpact(String impact) {
        this.impact = impact;
    }

    public boolean isEmergency() {
        return emergency;
    }

    public void setEmergency(boolean emergency) {
        this.emergency = emergency;
    }

    public String getEmergencyPhone() {
        return emergencyPhone;
    }

    public void setEmergencyPhone(String emergencyPhone) {
        this.emergencyPhone = emergencyPhone;
    }

    public List<String> getEmergencyCriteria() {
        return emergencyCriteria;
    }

    public void setEmergencyCriteria(List<String> emergencyCriteria) {
        this.emergencyCriteria = emergencyCriteria;
    }

    public String getObjectIds() {
        return objectIds;
    }

    public void setObjectIds(String objectIds) {
        this.objectIds = objectIds;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getStepsToReproduce() {
        return stepsToReproduce;
    }

    public void setStepsToReproduce(String stepsToReproduce) {
        this.stepsToReproduce = stepsToReproduce;
    }

    public String getBrowser() {
        return browser;
    }

    public void setBrowser(String browser) {
        this.browser = browser;
    }

    public String getBusinessJustification() {
        return businessJustification;
    }

    public void setBusinessJustification(String businessJustification) {
        this.businessJustification = businessJustification;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public void setOperatingSystem(String operatingSystem) {
        this.operatingSystem = operatingSystem;
    }
}
