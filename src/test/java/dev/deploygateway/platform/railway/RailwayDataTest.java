package dev.deploygateway.platform.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

/**
 * Every {@link RailwayData.Operation}'s record reads only what its document selects: each member is a field the
 * document asks for at that place (a record or a list of records where the field has a selection, a plain value
 * where it has none), so with the documents valid for Railway's schema ({@link RailwayDocumentsTest}) the records
 * are too. Every document the client ships has an operation.
 */
class RailwayDataTest {

    @Test
    void everyOperationsRecordReadsOnlyWhatItsDocumentSelects() throws Exception {
        var problems = new ArrayList<String>();
        for (RailwayData.Operation<?> operation : operations()) {
            problems.addAll(compare(operation.document(), "", operation.data(), selection(operation.document())));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyShippedDocumentHasAnOperation() throws Exception {
        Set<String> bound = new HashSet<>();
        operations().forEach(o -> bound.add(o.document()));
        Set<String> shipped = new HashSet<>();
        for (var path : RailwayDocumentsTest.documents()) {
            shipped.add(path.getFileName().toString().replace(".graphql", ""));
        }
        assertThat(bound).containsExactlyInAnyOrderElementsOf(shipped);
    }

    /** Records that read fields their document does not select, or with the wrong shape. */
    record Drifted(Me me) {
        record Me(String id, String readyState, Workspace email, String workspaces, List<String> name) {
        }

        record Workspace(String id) {
        }
    }

    @Test
    void recordsThatDriftFromTheirDocumentAreReported() throws Exception {
        assertThat(compare("me", "", Drifted.class, selection("me"))).containsExactlyInAnyOrder(
                "me: me.readyState is not selected by the document",
                "me: me.email is a record, but the field has no selection",
                "me: me.workspaces is a value, but the field has a selection");
    }

    private static List<RailwayData.Operation<?>> operations() throws IllegalAccessException {
        var list = new ArrayList<RailwayData.Operation<?>>();
        for (var field : RailwayData.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == RailwayData.Operation.class) {
                list.add((RailwayData.Operation<?>) field.get(null));
            }
        }
        return list;
    }

    private static SelectionSet selection(String document) throws IOException {
        try (InputStream in = RailwayDataTest.class.getClassLoader()
                .getResourceAsStream(RailwayGraphql.RESOURCE_DIR + document + ".graphql")) {
            var parsed = Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return parsed.getDefinitionsOfType(OperationDefinition.class).get(0).getSelectionSet();
        }
    }

    private static List<String> compare(String document, String path, Class<?> record, SelectionSet selection) {
        var problems = new ArrayList<String>();
        Map<String, Field> fields = new HashMap<>();
        selection.getSelectionsOfType(Field.class)
                .forEach(f -> fields.put(f.getAlias() == null ? f.getName() : f.getAlias(), f));
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty annotation = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = annotation != null && !annotation.value().isEmpty() ? annotation.value()
                    : component.getName();
            String at = path.isEmpty() ? name : path + "." + name;
            Field field = fields.get(name);
            if (field == null) {
                problems.add(document + ": " + at + " is not selected by the document");
                continue;
            }
            Type element = List.class.equals(component.getType())
                    ? ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
                    : component.getType();
            boolean nested = element instanceof Class<?> c && c.isRecord();
            boolean selects = field.getSelectionSet() != null;
            if (nested && selects) {
                problems.addAll(compare(document, at, (Class<?>) element, field.getSelectionSet()));
            } else if (nested != selects) {
                problems.add(document + ": " + at + (nested ? " is a record, but the field has no selection"
                        : " is a value, but the field has a selection"));
            }
        }
        return problems;
    }
}
