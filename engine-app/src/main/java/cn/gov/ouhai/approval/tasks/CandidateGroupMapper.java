package cn.gov.ouhai.approval.tasks;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The groups offered a page of tasks, in one query: the engine's API reads them task by task (one
 * query each), which made a list of 500 tasks cost 500 queries. Reads the engine's own table.
 */
@Mapper
interface CandidateGroupMapper {

	@Select({ "<script>SELECT TASK_ID_ AS task_id, GROUP_ID_ AS group_id FROM ACT_RU_IDENTITYLINK ",
			"WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN ",
			"<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>" })
	List<Link> of(@Param("ids") List<String> taskIds);

	record Link(String taskId, String groupId) {
	}

}
