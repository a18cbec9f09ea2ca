package com.clientservices.desk.web;

import java.util.regex.Pattern;

/**
 * Which addresses are APIs, whose every error answer is application/problem+json: the desk's API
 * (/api), the engine REST API (/engine-rest) and the Camunda webapps' APIs (/camunda/api, the
 * webapps' engine REST API among them). An address is read as the server would route it, without
 * path parameters (";…") and with repeated slashes as one, so that a malformed address such as
 * {@code //engine-rest/task} or {@code /api;x/tickets} is still answered as the API it aims at.
 */
public final class ApiPaths {

    /** The desk's own API. */
    public static final String DESK_API = "/api";
    /** The engine REST API. */
    public static final String ENGINE_REST = "/engine-rest";
    /** The Camunda webapps' APIs, their engine REST API among them. */
    public static final String WEBAPP_API = "/camunda/api";

    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private ApiPaths() {}

    public static boolean isApi(String uri) {
        return isDeskApi(uri) || isEngineApi(uri);
    }

    /** The desk's own API, whose request bodies the desk reads itself. */
    public static boolean isDeskApi(String uri) {
        return under(uri, DESK_API);
    }

    /** The engine REST API, as /engine-rest and as the webapps' /camunda/api. */
    public static boolean isEngineApi(String uri) {
        return under(uri, ENGINE_REST) || under(uri, WEBAPP_API);
    }

    private static boolean under(String uri, String root) {
        if (uri == null) {
            return false;
        }
        var path = REPEATED_SLASHES
                .matcher(PATH_PARAMETERS.matcher(uri).replaceAll(""))
                .replaceAll("/");
        return path.equals(root) || path.startsWith(root + "/");
    }
}
