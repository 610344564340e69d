package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.Endpoints;
import org.medfetch.resolve.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resolvers", mixinStandardHelpOptions = true,
        description = "List the resolvers in the order they are asked, with the base URL --endpoint NAME=URL "
                + "replaces and where each reads credentials.")
final class ResolversCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Endpoints chosen = root.endpoints();
        TextTable table = new TextTable("NAME", "DEFAULT BASE URL", "ENDPOINT", "CREDENTIALS");
        for (Resolver r : root.workspace().resolvers().all()) {
            String base = r.defaultBase() == null ? null : r.defaultBase().toString();
            String endpoint = r.takesEndpoint() ? chosen.chosen(r.name()).map(Object::toString).orElse(null) : null;
            if (json) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("name", r.name());
                map.put("default_base_url", base);
                map.put("takes_endpoint", r.takesEndpoint());
                map.put("endpoint", endpoint);
                map.put("endpoint_variable", r.takesEndpoint() ? Endpoints.variable(r.name()) : null);
                map.put("credentials", r.credentialSources());
                JsonLines.print(out, map);
            } else {
                table.add(r.name(), base != null ? base : r.takesEndpoint() ? "(the link's host)" : "-",
                        endpoint, r.credentialSources().isEmpty() ? "-" : String.join("; ", r.credentialSources()));
            }
        }
        // Not a resolver, but an endpoint like theirs: the DOI metadata cite --online asks for.
        String doi = chosen.chosen(DoiMetadata.NAME).map(Object::toString).orElse(null);
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", DoiMetadata.NAME);
            map.put("default_base_url", DoiMetadata.DEFAULT_BASE.toString());
            map.put("takes_endpoint", true);
            map.put("endpoint", doi);
            map.put("endpoint_variable", Endpoints.variable(DoiMetadata.NAME));
            map.put("credentials", List.of());
            map.put("used_by", "cite --online");
            JsonLines.print(out, map);
        } else {
            table.add(DoiMetadata.NAME, DoiMetadata.DEFAULT_BASE.toString(), doi, "-");
            table.print(out);
            out.println("--endpoint NAME=URL (or " + Endpoints.ENV_PREFIX + "<NAME>) replaces a default base URL; "
                    + DoiMetadata.NAME + " is the DOI content negotiation cite --online uses.");
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }
}
