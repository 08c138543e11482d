package io.tripline.iam.account;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads {@code aws iam get-account-authorization-details} output: one JSON object, several
 * concatenated (pages saved one after another, or with {@code --no-paginate}), or a JSON array of
 * pages. Pages are merged; an entity on two pages is kept once.
 */
public final class ExportFileLoader {

  private final ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  public AccountAuthorizationDetails load(Path file) throws AccountDataException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AccountDataException(file + ": not UTF-8 text; expected the JSON that `aws iam get-account-authorization-details` prints", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new AccountDataException(file + ": no such file", e);
    } catch (IOException e) {
      throw new AccountDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return load(text, file.toString());
  }

  /** Loads export text; {@code source} names it in error messages. */
  public AccountAuthorizationDetails load(String text, String source) throws AccountDataException {
    AccountAuthorizationDetails all = new AccountAuthorizationDetails(List.of(), List.of(), List.of(), List.of());
    int page = 0;
    try (MappingIterator<JsonNode> pages = mapper.readerFor(JsonNode.class).readValues(text)) {
      while (pages.hasNextValue()) {
        JsonNode node = pages.nextValue();
        if (node.isArray()) {
          for (JsonNode inner : node) {
            all = all.merge(new ExportPage(mapper, source + " page " + (++page)).read(inner));
          }
        } else {
          all = all.merge(new ExportPage(mapper, source + " page " + (++page)).read(node));
        }
      }
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new AccountDataException(source + ": not valid JSON" + at + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new AccountDataException("cannot read " + source + ": " + e.getMessage(), e);
    }
    if (page == 0) {
      throw new AccountDataException(source + ": empty: expected `aws iam get-account-authorization-details` output");
    }
    return all;
  }
}
